import type { FastifyRequest } from 'fastify';
import type { Lang } from '../../shared/errors';

/** zh-CN is the first language; English when the client prefers it (Accept-Language or ?lang=en). */
export function requestLang(req: FastifyRequest): Lang {
  const q = (req.query as Record<string, unknown> | undefined)?.lang;
  if (q === 'en' || q === 'zh-CN') return q;
  const header = req.headers['accept-language'] ?? '';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}
