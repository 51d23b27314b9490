/**
 * The object without its `undefined` values. With `exactOptionalPropertyTypes`, an optional property may be
 * absent but not `undefined`; this writes `{ limit, signal }` once instead of a conditional spread per field.
 */
export function defined<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) if (entry !== undefined) out[key] = entry;
  return out as { [K in keyof T]?: Exclude<T[K], undefined> };
}
