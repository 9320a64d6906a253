/**
 * How a call or a result that carries binary content (a dossier document) crosses HTTP in the
 * browser host: JSON cannot hold bytes, and base64 would cost a third more and a copy. The envelope
 * is the JSON with each Uint8Array replaced by {"$bytes":[offset,length]}, followed by the raw bytes.
 * Electron IPC needs none of this: structured clone carries Uint8Array as it is.
 *
 *   "PSK1" | u32 length of the JSON (big-endian) | JSON (UTF-8) | bytes…
 */
export const ENVELOPE_TYPE = 'application/x-pusiaukele-envelope';
const MAGIC = [0x50, 0x53, 0x4b, 0x31];

type Marker = { $bytes: [number, number] };

function isMarker(v: unknown): v is Marker {
  return typeof v === 'object' && v !== null && Array.isArray((v as Marker).$bytes) && (v as Marker).$bytes.length === 2;
}

/** Whether `value` holds a Uint8Array anywhere (then it travels in an envelope). */
export function holdsBytes(value: unknown): boolean {
  if (value instanceof Uint8Array) return true;
  if (Array.isArray(value)) return value.some(holdsBytes);
  if (typeof value === 'object' && value !== null) return Object.values(value).some(holdsBytes);
  return false;
}

/** The envelope as its parts (header with JSON, then each binary part), to send without joining. */
export function encodeEnvelope(value: unknown): Uint8Array[] {
  const parts: Uint8Array[] = [];
  let offset = 0;
  const json = JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
    // The value before toJSON: a Node Buffer would otherwise arrive here already as {type, data}.
    const raw = this[key];
    if (raw instanceof Uint8Array) {
      const marker: Marker = { $bytes: [offset, raw.length] };
      parts.push(raw);
      offset += raw.length;
      return marker;
    }
    return v;
  });
  const text = new TextEncoder().encode(json);
  const head = new Uint8Array(8 + text.length);
  head.set(MAGIC, 0);
  new DataView(head.buffer).setUint32(4, text.length);
  head.set(text, 8);
  return [head, ...parts];
}

/** The value inside an envelope; binary parts are views of `data` (no copy). Throws on a malformed one. */
export function decodeEnvelope(data: Uint8Array, maxJson = Number.MAX_SAFE_INTEGER): unknown {
  if (data.length < 8 || MAGIC.some((b, i) => data[i] !== b)) throw new Error('not an envelope');
  const length = new DataView(data.buffer, data.byteOffset, data.byteLength).getUint32(4);
  if (length > maxJson) throw new Error('envelope header too long');
  if (8 + length > data.length) throw new Error('envelope cut short');
  const payload = data.subarray(8 + length);
  return JSON.parse(new TextDecoder().decode(data.subarray(8, 8 + length)), (_key, v: unknown) => {
    if (!isMarker(v)) return v;
    const [off, len] = v.$bytes;
    if (!Number.isInteger(off) || !Number.isInteger(len) || off < 0 || len < 0 || off + len > payload.length) throw new Error('envelope part out of range');
    return payload.subarray(off, off + len);
  });
}
