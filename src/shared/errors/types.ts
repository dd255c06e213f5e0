/** One entry of the error catalog: HTTP status and the message in both UI languages. `{name}` placeholders are filled from AppError params. */
export interface ErrorDef {
  readonly status: number;
  readonly zh: string;
  readonly en: string;
}
export type ErrorCatalog = Readonly<Record<string, ErrorDef>>;
