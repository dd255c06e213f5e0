import type { ErrorCatalog, ErrorDef } from './types';
import { commonErrors } from './common.errors';
import { clockErrors } from './clock.errors';
import { authErrors } from './auth.errors';
import { casesErrors } from './cases.errors';
import { catalogErrors } from './catalog.errors';
import { caseHandlingErrors } from './case-handling.errors';
import { evaluationErrors } from './evaluation.errors';
import { hallErrors } from './hall.errors';
import { supervisionErrors } from './supervision.errors';
import { appointmentsErrors } from './appointments.errors';
import { entityName } from './entities';

export type { ErrorCatalog, ErrorDef } from './types';

/**
 * Every stable error code of OneWindow with its HTTP status and messages. Each feature keeps its own
 * `<feature>.errors.ts` beside this file and adds one spread here; codes are never renamed once shipped.
 */
export const errorCatalog: ErrorCatalog = {
  ...commonErrors,
  ...clockErrors,
  ...authErrors,
  ...casesErrors,
  ...catalogErrors,
  ...caseHandlingErrors,
  ...appointmentsErrors,
  ...evaluationErrors,
  ...hallErrors,
  ...supervisionErrors,
};

export type Lang = 'zh-CN' | 'en';

export function errorDef(code: string): ErrorDef {
  return errorCatalog[code] ?? errorCatalog.INTERNAL!;
}

/** Fill `{name}` placeholders; unknown placeholders stay visible so a missing param is noticed. */
export function formatMessage(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

export function errorMessage(
  code: string,
  params: Readonly<Record<string, string | number>>,
  lang: Lang,
): string {
  const def = errorDef(code);
  const named =
    typeof params.entity === 'string' ? { ...params, entity: entityName(params.entity, lang) } : params;
  return formatMessage(lang === 'en' ? def.en : def.zh, named);
}
