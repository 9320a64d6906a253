import { createHash } from 'node:crypto';

/**
 * The canonical JSON of a value, in the manner of RFC 8785 (JCS): object keys sorted by UTF-16 code
 * units at every depth, no whitespace, numbers and strings as JSON.stringify writes them, and what
 * JSON.stringify leaves out (undefined, functions, symbols) left out. Two values that mean the same
 * record give the same text whatever order their keys were built in.
 */
export function canonicalJson(value: unknown): string {
  return write(value) ?? 'null';
}

function write(value: unknown): string | undefined {
  const v = hasToJson(value) ? value.toJSON() : value;
  if (v === null) return 'null';
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v);
    case 'number':
      return Number.isFinite(v) ? JSON.stringify(v) : 'null';
    case 'boolean':
      return v ? 'true' : 'false';
    case 'bigint':
      throw new TypeError('canonicalJson: a bigint has no JSON form');
    case 'object':
      break;
    default:
      return undefined; // undefined, function, symbol
  }
  if (Array.isArray(v)) return `[${v.map((x: unknown) => write(x) ?? 'null').join(',')}]`;
  const record = v as Record<string, unknown>;
  const members: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const text = write(record[key]);
    if (text !== undefined) members.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${members.join(',')}}`;
}

function hasToJson(value: unknown): value is { toJSON(): unknown } {
  return typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

/** sha256 (hex) of the canonical JSON of a value: what the audit trail records of a record before and after a change. */
export function digest(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
}

/** Whether a string has the form of a digest (64 lower-case hex digits). */
export function isDigest(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
}
