/**
 * The one error type of OneWindow. Domain code throws it with a stable code; the HTTP layer maps the
 * code to a status and renders the message in the user's language from the shared message catalog.
 * `params` fill the message placeholders; `fields` name the offending input fields (path → rule key).
 */
export class AppError extends Error {
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
  readonly fields: Readonly<Record<string, string>> | undefined;

  constructor(code: string, params: Record<string, string | number> = {}, fields?: Record<string, string>) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
    this.fields = fields;
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
