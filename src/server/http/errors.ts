import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { AppError, isAppError } from '../../domain/errors';
import { errorDef, errorMessage, type Lang } from '../../shared/errors';
import { issueMessage, type IssueLike } from '../../shared/errors/zod-messages';
import { requestLang } from './lang';

/** The one error body of the API. */
export interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

export function renderError(e: AppError, lang: Lang): { status: number; body: ErrorBody } {
  const def = errorDef(e.code);
  const fields = e.fields
    ? Object.fromEntries(
        Object.entries(e.fields).map(([k, rule]) => [k, issueMessage({ message: rule }, lang)]),
      )
    : undefined;
  return {
    status: def.status,
    body: {
      error: { code: e.code, message: errorMessage(e.code, e.params, lang), ...(fields ? { fields } : {}) },
    },
  };
}

/** Turn zod issues into `fields` keyed by the dotted path of the offending input. */
export function zodFields(
  issues: readonly (IssueLike & { path: readonly PropertyKey[] })[],
  lang: Lang,
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const i of issues) {
    const key = i.path.map(String).join('.') || '(body)';
    fields[key] ??= issueMessage(i, lang);
  }
  return fields;
}

/** The single error handler: AppError codes, zod validation, fastify's own errors, and the unexpected. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    const lang = requestLang(req);
    if (isAppError(err)) {
      const { status, body } = renderError(err, lang);
      return reply.code(status).send(body);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = zodFields(
        err.validation.map((v) => ({
          ...(v.params as IssueLike),
          code: v.keyword,
          message: v.message,
          path: [...v.instancePath.split('/').filter(Boolean)],
        })),
        lang,
      );
      const e = new AppError('VALIDATION_FAILED', {}, undefined);
      const { status, body } = renderError(e, lang);
      return reply.code(status).send({ error: { ...body.error, fields } });
    }
    if (err instanceof ZodError) {
      const fields = zodFields(err.issues, lang);
      const { status, body } = renderError(new AppError('VALIDATION_FAILED'), lang);
      return reply.code(status).send({ error: { ...body.error, fields } });
    }
    const mapped = mapFastifyError(err);
    if (mapped) {
      const { status, body } = renderError(mapped, lang);
      return reply.code(status).send(body);
    }
    req.log.error({ err }, 'unhandled error');
    const { status, body } = renderError(new AppError('INTERNAL'), lang);
    return reply.code(status).send(body);
  });

  app.setNotFoundHandler((req, reply) => {
    const { status, body } = renderError(new AppError('ROUTE_NOT_FOUND'), requestLang(req));
    return reply.code(status).send(body);
  });
}

function mapFastifyError(err: FastifyError): AppError | undefined {
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('MALFORMED_JSON');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE', { limit: '1 MB' });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE');
    case 'FST_ERR_RATE_LIMIT_EXCEEDED':
      return new AppError('RATE_LIMITED', { seconds: 60 });
  }
  if (err instanceof SyntaxError && err.statusCode === 400) return new AppError('MALFORMED_JSON');
  if (err.statusCode === 413) return new AppError('PAYLOAD_TOO_LARGE', { limit: '1 MB' });
  if (err.statusCode === 429) return new AppError('RATE_LIMITED', { seconds: 60 });
  return undefined;
}
