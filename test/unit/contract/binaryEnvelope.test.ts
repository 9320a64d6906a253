import { describe, expect, it } from 'vitest';
import { decodeEnvelope, encodeEnvelope, holdsBytes } from '../../../shared/contract/binaryEnvelope';

const join = (parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

describe('the binary envelope of the browser host (dossier documents, V-77 p. 6)', () => {
  it('carries a Node Buffer and a Uint8Array as bytes, not as JSON arrays', () => {
    const value = { ok: true, value: { name: 'a.pdf', bytes: Buffer.from('%PDF-1.7 …'), scan: new Uint8Array([0xff, 0xd8, 0xff]) } };
    expect(holdsBytes(value)).toBe(true);
    const back = decodeEnvelope(join(encodeEnvelope(value))) as typeof value;
    expect(back.value.bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(back.value.bytes).toString()).toBe('%PDF-1.7 …');
    expect([...back.value.scan]).toEqual([0xff, 0xd8, 0xff]);
    expect(back.value.name).toBe('a.pdf');
  });

  it('refuses an envelope cut short or pointing outside its bytes', () => {
    const whole = join(encodeEnvelope({ bytes: new Uint8Array(10) }));
    expect(() => decodeEnvelope(whole.subarray(0, 6))).toThrow();
    expect(() => decodeEnvelope(whole.subarray(0, whole.length - 5))).toThrow();
    expect(() => decodeEnvelope(new TextEncoder().encode('{"ok":true}'))).toThrow();
  });
});
