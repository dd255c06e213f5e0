import type { z } from 'zod';
import { currentLang } from '../i18n/i18n';

/** An API error in the one shape of the server: a stable code, a readable message, and field messages. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

let csrfToken = '';
export const setCsrfToken = (t: string) => {
  csrfToken = t;
};

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Call the API. The response is parsed with the shared zod contract when one is given, so the web app
 * and the server agree on the shape or fail loudly.
 */
export async function api<T = unknown>(
  method: Method,
  path: string,
  opts: {
    body?: unknown;
    schema?: z.ZodType<T>;
    idempotencyKey?: string;
    query?: Record<string, unknown>;
  } = {},
): Promise<T> {
  const qs = opts.query
    ? '?' +
      new URLSearchParams(
        Object.entries(opts.query)
          .filter(([, v]) => v !== undefined && v !== null && v !== '')
          .map(([k, v]) => [k, String(v)]),
      ).toString()
    : '';
  const headers: Record<string, string> = { 'accept-language': currentLang() };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;
  const res = await fetch(`/api${path}${qs === '?' ? '' : qs}`, {
    method,
    headers,
    credentials: 'same-origin',
    body: opts.body === undefined ? null : JSON.stringify(opts.body),
  });
  const text = await res.text();
  const data: unknown = text ? JSON.parse(text) : null;
  if (!res.ok) {
    const e = (data as { error?: { code: string; message: string; fields?: Record<string, string> } } | null)
      ?.error;
    throw new ApiError(res.status, e?.code ?? 'INTERNAL', e?.message ?? res.statusText, e?.fields ?? {});
  }
  return opts.schema ? opts.schema.parse(data) : (data as T);
}

export const newIdempotencyKey = () => `web-${crypto.randomUUID()}`;
