/** The constraint a statement violated when it broke a unique index (SQLSTATE 23505), else undefined. */
export function uniqueViolation(e: unknown): string | undefined {
  if (typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '23505') {
    const c = (e as { constraint?: unknown }).constraint;
    return typeof c === 'string' ? c : 'unique';
  }
  return undefined;
}
