import { describe, expect, it } from 'vitest';
import { demoItems } from '../demo/data/catalog';
import { demoItemContent } from './catalog.demo';

describe('the demo catalog', () => {
  it('every item, and every former limit, is valid content under the catalog rules', () => {
    for (const d of demoItems) {
      expect(() => demoItemContent(d), d.name).not.toThrow();
      if (d.previousPromisedLimit)
        expect(() => demoItemContent(d, d.previousPromisedLimit), d.name).not.toThrow();
    }
  });

  it('has about sixty items with unique codes', () => {
    expect(demoItems.length).toBeGreaterThanOrEqual(55);
    expect(new Set(demoItems.map((d) => d.implCode)).size).toBe(demoItems.length);
    expect(new Set(demoItems.map((d) => d.basicCode)).size).toBe(demoItems.length);
  });
});
