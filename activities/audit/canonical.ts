/**
 * JSON with object keys sorted by UTF-16 code unit at every depth (as RFC 8785 does), so the same content always
 * hashes to the same bytes: jsonb hands keys back in its own order, and the writer and the verifier (or an
 * auditor's own tool) must agree. Written out by hand because JS objects put integer-like keys first.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') {
    throw new TypeError(`canonicalJson: ${typeof value} has no JSON form`);
  }
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) {
    return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
}
