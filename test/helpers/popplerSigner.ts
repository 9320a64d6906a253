import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { ParsedString, readRevision, type ParsedRef } from '../../electron/services/pdf/pdfSyntax';
import { fileOf } from './pdfTools';

/**
 * PDFs signed and updated the way other software does it (issue 12, "files signed by other software
 * verify too"): poppler's `pdfsig -add-signature` with a key in an NSS database, and incremental
 * updates written with a cross-reference stream and an object stream (ISO 32000-1 §7.5.7, §7.5.8),
 * as Acrobat and iText write them.
 */

export interface NssSigner {
  /** The NSS database directory (`sql:` prefix included, as pdfsig takes it). */
  dir: string;
  /** The nickname of the signing certificate. */
  nick: string;
}

/** An NSS database holding the key and certificate of a PKCS#12 file (certutil, pk12util). */
export function nssSigner(p12: Uint8Array, password: string): NssSigner {
  const dir = mkdtempSync(join(tmpdir(), 'pusiaukele-nss-signer-'));
  const db = `sql:${dir}`;
  execFileSync('certutil', ['-N', '-d', db, '--empty-password']);
  execFileSync('pk12util', ['-i', fileOf(p12, 'signer.p12'), '-d', db, '-W', password], { stdio: 'pipe' });
  // `certutil -L` lists "nickname   trust"; the one with a key is trusted "u,u,u".
  const listing = execFileSync('certutil', ['-L', '-d', db], { encoding: 'utf8' });
  const line = listing.split('\n').find((l) => /\su,u,u\s*$/.test(l));
  if (line === undefined) throw new Error(`no key in the NSS database:\n${listing}`);
  return { dir: db, nick: line.replace(/\s+u,u,u\s*$/, '').trim() };
}

/** `pdfsig -add-signature`: poppler appends an adbe.pkcs7.detached signature (poppler 22 refuses `-etsi` with `-add-signature`). */
export function popplerSign(pdf: Uint8Array, signer: NssSigner, options: { reason?: string; digest?: string } = {}): Buffer {
  const input = fileOf(pdf, 'to-sign.pdf');
  const output = input.replace(/\.pdf$/, '-signed.pdf');
  execFileSync(
    'pdfsig',
    [
      '-add-signature',
      '-nssdir',
      signer.dir,
      '-nick',
      signer.nick,
      '-digest',
      options.digest ?? 'SHA256',
      ...(options.reason !== undefined ? ['-reason', options.reason] : []),
      input,
      output,
    ],
    { stdio: 'pipe' },
  );
  return readFileSync(output);
}

/** An object of an update: its body (`<<…>>`, `[…]`, or a dictionary with `\nstream\n…\nendstream`). */
export type UpdateObjects = Record<number, string>;

const isStream = (body: string) => /\bstream\r?\n/.test(body);

/**
 * Appends an incremental update (§7.5.6) replacing or adding `objects`. With `xrefStream` its
 * cross-reference section is a stream (FlateDecode, PNG Up predictor, as iText and Acrobat write
 * them), and its objects other than streams go into an object stream.
 */
export function appendUpdate(pdf: Uint8Array, objects: UpdateObjects, options: { xrefStream?: boolean } = {}): Buffer {
  const base = Buffer.from(pdf);
  const rev = readRevision(base);
  const size = rev.trailer.get('Size') as number;
  const root = (rev.trailer.get('Root') as ParsedRef).num;
  const info = rev.trailer.get('Info') as ParsedRef | undefined;
  const ids = rev.trailer.get('ID');
  const id = Array.isArray(ids) ? `[${ids.map((x) => (x instanceof ParsedString ? `<${Buffer.from(x.bytes).toString('hex')}>` : '')).join(' ')}]` : undefined;
  const nums = Object.keys(objects).map(Number);
  const maxNum = Math.max(size - 1, ...nums);
  const parts: Buffer[] = [base, Buffer.from('\n')];
  let at = base.length + 1;
  const entries: { num: number; type: 1 | 2; a: number; b: number }[] = [];
  const put = (num: number, body: string | Buffer) => {
    const bytes = Buffer.concat([Buffer.from(`${num} 0 obj\n`), Buffer.from(body as string, 'latin1'), Buffer.from('\nendobj\n')]);
    entries.push({ num, type: 1, a: at, b: 0 });
    parts.push(bytes);
    at += bytes.length;
  };
  const trailerKeys = `/Root ${root} 0 R${info ? ` /Info ${info.num} 0 R` : ''}${id ? ` /ID ${id}` : ''} /Prev ${rev.startxref}`;
  if (!options.xrefStream) {
    for (const num of nums) put(num, objects[num] as string);
    const xref = entries.map((e) => `${e.num} 1\n${String(e.a).padStart(10, '0')} 00000 n\r\n`).join('');
    parts.push(Buffer.from(`xref\n${xref}trailer\n<</Size ${maxNum + 1} ${trailerKeys}>>\nstartxref\n${at}\n%%EOF\n`, 'latin1'));
    return Buffer.concat(parts);
  }
  const packed = nums.filter((n) => !isStream(objects[n] as string));
  for (const num of nums.filter((n) => isStream(objects[n] as string))) put(num, objects[num] as string);
  let next = maxNum + 1;
  if (packed.length > 0) {
    const stmNum = next++;
    let header = '';
    let body = '';
    packed.forEach((num, index) => {
      header += `${num} ${body.length} `;
      body += `${objects[num] as string}\n`;
      entries.push({ num, type: 2, a: stmNum, b: index });
    });
    const data = deflateSync(Buffer.from(header + body, 'latin1'));
    put(stmNum, Buffer.concat([Buffer.from(`<</Type /ObjStm /N ${packed.length} /First ${header.length} /Filter /FlateDecode /Length ${data.length}>>\nstream\n`), data, Buffer.from('\nendstream')]).toString('latin1'));
  }
  const xrefNum = next++;
  entries.push({ num: xrefNum, type: 1, a: at, b: 0 });
  entries.sort((x, y) => x.num - y.num);
  // Rows of /W [1 4 2], each preceded by PNG filter type 2 (Up): the difference from the row above.
  const rows = entries.map((e) => {
    const row = Buffer.alloc(7);
    row.writeUInt8(e.type, 0);
    row.writeUInt32BE(e.a, 1);
    row.writeUInt16BE(e.b, 5);
    return row;
  });
  const predicted = Buffer.concat(
    rows.map((row, i) => {
      const above = rows[i - 1] ?? Buffer.alloc(7);
      return Buffer.concat([Buffer.from([2]), Buffer.from(row.map((v, k) => (v - (above[k] as number)) & 0xff))]);
    }),
  );
  const data = deflateSync(predicted);
  const index = entries.flatMap((e) => [e.num, 1]).join(' ');
  const dict = `<</Type /XRef /Size ${next} /Index [${index}] /W [1 4 2] /Filter /FlateDecode /DecodeParms <</Predictor 12 /Columns 7>> /Length ${data.length} ${trailerKeys}>>`;
  const xrefAt = at;
  parts.push(Buffer.from(`${xrefNum} 0 obj\n${dict}\nstream\n`, 'latin1'), data, Buffer.from(`\nendstream\nendobj\nstartxref\n${xrefAt}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}
