import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../demo/demo-accounts';
import { createTestApp, type Client, type TestApp } from '../test/test-app';

/**
 * Every GET route of the API, read by every demo role on the demo data, on this run's database.
 * Each route is documented in the OpenAPI description, so its parameters are filled from there: ids
 * come from what earlier lists returned, dates and months are the test's day. No answer may be a
 * server error, and every route must answer someone with its data. This is what caught the absences
 * list failing only on the embedded database (a timestamp the embedded driver cannot send).
 */

interface Parameter {
  in: 'query' | 'path';
  name: string;
  required?: boolean;
  schema?: {
    type?: string;
    format?: string;
    pattern?: string;
    enum?: string[];
    minimum?: number;
    maximum?: number;
    minLength?: number;
  };
}
type Spec = { paths: Record<string, { get?: { parameters?: Parameter[] } }> };

const ROLES = DEMO_ACCOUNTS.list.map((a) => a.username);

// Routes no demo role can read with what the lists give, and why.
const NOBODY_READS: Record<string, string> = {
  '/api/evaluation/device/{key}': 'a tablet key is shown once, when the device is registered',
  '/api/evaluation/device/{key}/prompt': 'a tablet key is shown once, when the device is registered',
  '/api/evaluation/invitations/{token}': 'an invitation token reaches the applicant by SMS only',
  '/api/evaluation/invitations/{token}/rectification':
    'an invitation token reaches the applicant by SMS only',
  '/api/complaints/public/{token}': 'a complaint token is given to its author only',
  // The demo holds no uploaded file: files.int.test.ts and complaints.int.test.ts upload and read them.
  '/api/catalog/files/{id}': 'no uploaded file in the demo',
  '/api/public/files/{id}': 'no uploaded file in the demo',
  '/api/complaints/{id}/attachments/{attachmentId}': 'no uploaded file in the demo',
};

let t: TestApp;
let clients: [string, Client][];
let spec: Spec;
// Ids seen in answers, by collection: "cases" from a list at /api/cases or a field `caseId`, …
const seen = new Map<string, Set<string>>();
const note = (pool: string, value: string) => seen.set(pool, (seen.get(pool) ?? new Set()).add(value));
const plural = (noun: string) =>
  noun.endsWith('y') ? `${noun.slice(0, -1)}ies` : noun.endsWith('s') ? noun : `${noun}s`;

/** Walk an answer: rows of a list go to the route's collection, `fooId` fields to "foos". */
const remember = (route: string, body: unknown) => {
  const noun = route
    .split('/')
    .filter((s) => s && !s.startsWith('{'))
    .at(-1)!;
  const walk = (v: unknown, collection: string | null): void => {
    if (Array.isArray(v)) return v.forEach((x) => walk(x, collection));
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (collection && typeof o.id === 'string') note(collection, o.id);
    // The public progress page is opened with a case number and the applicant's phone.
    const applicant = o.applicant as { phone?: unknown } | undefined;
    if (typeof o.number === 'string' && typeof applicant?.phone === 'string')
      note('caseRefs', `${o.number}|${applicant.phone}`);
    // …and the rows of a list answer under its address too (/api/supervision/orders is not /api/hotline/orders).
    if (Array.isArray(list) && list.includes(o) && typeof o.id === 'string') note(route, o.id);
    for (const [k, x] of Object.entries(o)) {
      if (k.endsWith('Id') && typeof x === 'string') note(plural(k.slice(0, -2)), x);
      else walk(x, Array.isArray(x) ? k : null);
    }
  };
  const list = body && typeof body === 'object' && 'items' in body ? body.items : body;
  walk(list, noun);
};

const poolOf = (param: string, route: string): string[] => {
  const prefix = route.slice(0, route.indexOf(`{${param}}`) - 1);
  if (param === 'id' && seen.has(prefix)) return [...seen.get(prefix)!];
  const before = prefix.split('/').filter(Boolean).at(-1)!;
  const name = param === 'id' ? before : param === 'docId' ? 'documents' : plural(param.replace(/Id$/, ''));
  return [...(seen.get(name) ?? [])];
};

const valueFor = (p: Parameter, route: string, centerId: string): string => {
  const s = p.schema ?? {};
  if (p.name === 'centerId') return centerId;
  if (s.format === 'uuid') return poolOf(p.name, route)[0] ?? randomUUID();
  if (s.enum) return s.enum[0]!;
  if (s.pattern?.includes('(0[1-9]|1[0-2])$')) return '2026-03';
  if (s.pattern?.includes('\\d{4}-\\d{2}-\\d{2}')) return '2026-03-02';
  if (s.format === 'date-time') return '2026-03-02T01:00:00Z';
  if (s.type === 'integer') return String(Math.min(Math.max(2026, s.minimum ?? 0), s.maximum ?? 2026));
  return 'x'.repeat(Math.max(s.minLength ?? 1, 8));
};

/** The addresses to try for a route: up to ten, varying its first path parameter over the ids seen. */
const urlsFor = (route: string, params: Parameter[], centerId: string): string[] => {
  const query = new URLSearchParams();
  for (const p of params) if (p.in === 'query' && p.required) query.set(p.name, valueFor(p, route, centerId));
  const fill = (path: string) => (query.size ? `${path}?${query}` : path);
  if (route === '/api/public/cases/{number}') {
    return [...(seen.get('caseRefs') ?? [])].slice(0, 10).map((ref) => {
      const [number, phone] = ref.split('|');
      return `/api/public/cases/${encodeURIComponent(number!)}?phone=${encodeURIComponent(phone!)}`;
    });
  }
  const inPath = params.filter((p) => p.in === 'path');
  const rest = (path: string) =>
    inPath
      .slice(1)
      .reduce((acc, p) => acc.replace(`{${p.name}}`, encodeURIComponent(valueFor(p, route, centerId))), path);
  if (inPath.length === 0) return [fill(route)];
  const first = inPath[0]!;
  const choices = first.schema?.format === 'uuid' ? poolOf(first.name, route).slice(0, 10) : [];
  if (choices.length === 0) choices.push(valueFor(first, route, centerId));
  return choices.map((v) => fill(rest(route.replace(`{${first.name}}`, encodeURIComponent(v)))));
};

beforeAll(async () => {
  t = await createTestApp();
  spec = t.app.swagger() as Spec;
  clients = [['anonymous', t.anon]];
  for (const r of ROLES) clients.push([r, await t.as(r)]);
});
afterAll(() => t?.close());

describe('every GET route, every demo role', () => {
  it('answers without a server error, and answers someone with its data', async () => {
    const admin = clients.find(([r]) => r === 'admin')![1];
    const centerId = (await admin.get('/api/org/centers'))
      .json<{ id: string; parentId: string | null }[]>()
      .find((c) => c.parentId === null)!.id;
    // Lists first (fewest path parameters), so the ids they return fill the detail routes.
    const routes = Object.entries(spec.paths)
      .filter(([, ops]) => ops.get)
      .map(([route, ops]) => ({ route, params: ops.get!.parameters ?? [] }))
      .sort((a, b) => (a.route.match(/\{/g)?.length ?? 0) - (b.route.match(/\{/g)?.length ?? 0));

    const failures: string[] = [];
    const read = new Set<string>();
    // Two passes: a route whose ids come from a list read later gets them the second time.
    for (let pass = 0; pass < 2; pass++) {
      for (const { route, params } of routes) {
        if (read.has(route)) continue;
        for (const url of urlsFor(route, params, centerId)) {
          for (const [role, client] of clients) {
            const res = await client.get(url);
            if (res.statusCode >= 500)
              failures.push(`${role} GET ${url} → ${res.statusCode} ${res.body.slice(0, 200)}`);
            if (res.statusCode !== 200) continue;
            read.add(route);
            if (res.headers['content-type']?.toString().includes('json')) remember(route, res.json());
          }
          if (read.has(route)) break;
        }
      }
    }
    const unread = routes.map((r) => r.route).filter((r) => !read.has(r) && !(r in NOBODY_READS));
    expect(failures).toEqual([]);
    expect(unread).toEqual([]);
    expect(routes.length).toBeGreaterThan(100);
  });
});
