/**
 * An sRGB (IEC 61966-2.1) ICC profile, version 2.1 as PDF/A-1 requires (PDF 1.4 knows ICC v2), for
 * the documents' output intent. Built from the standard's numbers rather than shipped as a binary:
 * the D50-adapted primaries (ICC.1 Annex / IEC 61966-2.1 with Bradford adaptation) and the sRGB
 * transfer curve sampled at 1024 points.
 */

const s15f16 = (v: number): number => Math.round(v * 65536);

class Writer {
  readonly bytes: number[] = [];
  u8(v: number) {
    this.bytes.push(v & 0xff);
  }
  u16(v: number) {
    this.u8(v >>> 8);
    this.u8(v);
  }
  u32(v: number) {
    this.u16((v >>> 16) & 0xffff);
    this.u16(v & 0xffff);
  }
  s32(v: number) {
    this.u32(v >>> 0);
  }
  ascii(s: string) {
    for (const c of s) this.u8(c.charCodeAt(0));
  }
  pad4() {
    while (this.bytes.length % 4 !== 0) this.u8(0);
  }
}

function xyz(x: number, y: number, z: number): number[] {
  const w = new Writer();
  w.ascii('XYZ ');
  w.u32(0);
  for (const v of [x, y, z]) w.s32(s15f16(v));
  return w.bytes;
}

function text(s: string): number[] {
  const w = new Writer();
  w.ascii('text');
  w.u32(0);
  w.ascii(s);
  w.u8(0);
  return w.bytes;
}

function description(s: string): number[] {
  const w = new Writer();
  w.ascii('desc');
  w.u32(0);
  w.u32(s.length + 1);
  w.ascii(s);
  w.u8(0);
  w.u32(0); // Unicode language code
  w.u32(0); // Unicode count
  w.u16(0); // ScriptCode code
  w.u8(0); // ScriptCode count
  for (let i = 0; i < 67; i++) w.u8(0);
  return w.bytes;
}

function srgbCurve(): number[] {
  const w = new Writer();
  const n = 1024;
  w.ascii('curv');
  w.u32(0);
  w.u32(n);
  for (let i = 0; i < n; i++) {
    const v = i / (n - 1);
    const linear = v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    w.u16(Math.round(linear * 65535));
  }
  return w.bytes;
}

let cached: Uint8Array | undefined;

export function srgbProfile(): Uint8Array {
  if (cached) return cached;
  const curve = srgbCurve();
  const tags: [string, number[]][] = [
    ['desc', description('sRGB IEC61966-2.1')],
    ['cprt', text('No copyright, use freely')],
    ['wtpt', xyz(0.9642, 1.0, 0.8249)],
    ['rXYZ', xyz(0.4361, 0.2225, 0.0139)],
    ['gXYZ', xyz(0.3851, 0.7169, 0.0971)],
    ['bXYZ', xyz(0.1431, 0.0606, 0.7141)],
    ['rTRC', curve],
  ];
  const tableSize = 4 + 12 * (tags.length + 2); // gTRC and bTRC share rTRC's data
  const offsets: number[] = [];
  const data = new Writer();
  let at = 128 + tableSize;
  for (const [, body] of tags) {
    offsets.push(at);
    for (const b of body) data.u8(b);
    data.pad4();
    at = 128 + tableSize + data.bytes.length;
  }
  const size = 128 + tableSize + data.bytes.length;
  const w = new Writer();
  w.u32(size);
  w.u32(0); // preferred CMM
  w.u32(0x02100000); // version 2.1
  w.ascii('mntr');
  w.ascii('RGB ');
  w.ascii('XYZ ');
  for (const v of [2020, 1, 1, 0, 0, 0]) w.u16(v); // creation date
  w.ascii('acsp');
  w.u32(0); // platform
  w.u32(0); // flags
  w.u32(0); // manufacturer
  w.u32(0); // model
  w.u32(0);
  w.u32(0); // attributes
  w.u32(0); // perceptual rendering intent
  for (const v of [0.9642, 1.0, 0.8249]) w.s32(s15f16(v)); // D50 illuminant
  w.u32(0); // creator
  for (let i = 0; i < 44; i++) w.u8(0);
  w.u32(tags.length + 2);
  tags.forEach(([sig, body], i) => {
    w.ascii(sig);
    w.u32(offsets[i] as number);
    w.u32(body.length);
  });
  const trc = offsets[offsets.length - 1] as number;
  for (const sig of ['gTRC', 'bTRC']) {
    w.ascii(sig);
    w.u32(trc);
    w.u32(curve.length);
  }
  cached = Uint8Array.from([...w.bytes, ...data.bytes]);
  return cached;
}
