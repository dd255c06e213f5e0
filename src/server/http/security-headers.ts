import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * Helmet's security headers (CSP, frame options, …) as one fixed header set, computed once at start-up.
 *
 * Nothing in our policy depends on the request (no nonces), so every response carries the same
 * headers. The Fastify plugin for helmet rebuilt helmet — parsing the whole CSP — on every request,
 * which was a visible share of a small request's CPU (profiled in bench/cases.bench.ts); here helmet
 * runs once against a recording response and the hook only copies its result.
 */
export function securityHeaders(options: HelmetOptions): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  // Helmet throws on an invalid policy (older versions passed the error to `next`): either way it
  // surfaces here, at start-up.
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => {
    if (err instanceof Error) throw err;
    if (err) throw new Error('invalid security header options');
  });
  return Object.freeze(headers);
}

export function registerSecurityHeaders(app: FastifyInstance, options: HelmetOptions): void {
  const headers = securityHeaders(options);
  app.addHook('onRequest', async (_req, reply) => {
    void reply.headers(headers);
  });
}
