import { describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers';

describe('securityHeaders', () => {
  it('computes helmet headers once, with our CSP directives', () => {
    const h = securityHeaders({
      contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:'] } },
      hsts: false,
    });
    expect(h['content-security-policy']).toContain("default-src 'self'");
    expect(h['content-security-policy']).toContain("img-src 'self' data:");
    expect(h['x-frame-options']).toBe('SAMEORIGIN');
    expect(h['strict-transport-security']).toBeUndefined();
    expect(Object.isFrozen(h)).toBe(true);
  });

  it('rejects an invalid policy at start-up, not per request', () => {
    expect(() =>
      securityHeaders({ contentSecurityPolicy: { directives: { 'bad name': ["'self'"] } } }),
    ).toThrow();
  });
});
