import type { Writable } from 'node:stream';
import { hexString, objectBytes, ref, serialize, xrefSection, type PdfValue } from '../pdf/pdfSyntax';

/**
 * The merged dossier's file as it is written (issue 15): a PDF streamed to its output object by
 * object, numbered in one global sequence, so that memory holds only each object's offset and never
 * the file. Small writes are gathered into chunks; a large stream (a scan) goes out as it is, without
 * a copy. The writer waits while the output is full (backpressure), so a source's bytes have left
 * before the next source is loaded.
 */

/** Where the merged dossier goes: a Node stream (a PassThrough into the zip writer, a file). */
export type MergedOutputStream = NodeJS.WritableStream | Writable;

/** Small writes are gathered (copied) up to this size before they go to the output. */
const CHUNK = 256 * 1024;
/**
 * Data at least this large goes out as the view it is, without a copy, and always fills the output
 * (whose high-water mark is smaller), so the writer waits until it has been taken. Anything smaller
 * is copied: a view kept in the output would keep its whole source alive.
 */
const VIEW = 4 * 1024 * 1024;

/** PDF 1.7 (ISO 32000-1, the base of PDF/A-2), and a comment of four bytes above 127 (ISO 19005-2 §6.1.2). */
const HEADER = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');

/** A number as PDF writes it (§7.3.3): never in exponent form, reals with the precision they came with. */
export function pdfNumber(n: number): string {
  if (!Number.isFinite(n)) return '0';
  const s = String(n);
  if (!s.includes('e')) return s;
  return n.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}

const closedEarly = () => new Error('The merged dossier output closed before the file was whole');

/** True once the stream is destroyed or errored (a cancelled export): nothing more can be written. */
function isClosed(out: MergedOutputStream): boolean {
  const state = out as { destroyed?: boolean; errored?: unknown };
  return state.destroyed === true || (state.errored !== undefined && state.errored !== null);
}

function waitForRoom(out: MergedOutputStream): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      out.removeListener('drain', onDrain);
      out.removeListener('error', onError);
      out.removeListener('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => settle();
    const onError = (e: Error) => settle(e);
    const onClose = () => settle(closedEarly());
    out.once('drain', onDrain);
    out.once('error', onError);
    out.once('close', onClose);
    if (isClosed(out)) settle(closedEarly());
  });
}

export class PdfOutput {
  /** Byte offset of each object, by its number (the cross-reference table). */
  private readonly offsets: number[] = [];
  private position = 0;
  private largest = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(private readonly out: MergedOutputStream) {}

  /** Bytes written so far (pending ones included). */
  get bytes(): number {
    return this.position;
  }

  /** A new object number, to be written later (or now). */
  reserve(): number {
    return ++this.largest;
  }

  /** The numbering as it stands; `rollback` returns to it while nothing numbered since has been written. */
  mark(): number {
    return this.largest;
  }

  /** Numbers up to `largest` were given out by another numbering (pdf-lib's, continuing this one). */
  adopt(largest: number): void {
    this.largest = Math.max(this.largest, largest);
  }

  rollback(mark: number): void {
    if (this.offsets.length > mark + 1) throw new Error('Objects numbered after the mark are written already');
    this.largest = mark;
  }

  async header(): Promise<void> {
    await this.write(HEADER);
  }

  /** Object `num` with its value, and the data of a stream (written as is: no copy of a large one). */
  async object(num: number, value: PdfValue, stream?: Uint8Array): Promise<void> {
    if (stream === undefined) {
      this.offsets[num] = this.position;
      await this.write(objectBytes(num, value));
      return;
    }
    await this.streamObject(num, serialize(value), stream);
  }

  /** A stream object whose dictionary is serialised already. */
  async streamObject(num: number, dictionary: string, data: Uint8Array): Promise<void> {
    this.offsets[num] = this.position;
    await this.write(Buffer.from(`${num} 0 obj\n${dictionary}\nstream\n`, 'latin1'));
    await this.write(data);
    await this.write(Buffer.from('\nendstream\nendobj\n', 'latin1'));
  }

  /** Any serialised object (`n 0 obj … endobj`), e.g. one made by pdf-lib. */
  async serialized(num: number, bytes: Uint8Array): Promise<void> {
    this.offsets[num] = this.position;
    await this.write(bytes);
  }

  /** The cross-reference table and the trailer (ISO 19005-2 §6.1.3: with /ID, no /Encrypt); the file is whole. */
  async finish(root: number, info: number, id: Uint8Array): Promise<void> {
    const entries: { num: number; offset: number }[] = [];
    this.offsets.forEach((offset, num) => entries.push({ num, offset }));
    const xrefAt = this.position;
    const idText = hexString(id).text;
    await this.write(
      Buffer.from(
        `${xrefSection(entries, true)}trailer\n<</Size ${this.largest + 1} /Root ${ref(root).text} /Info ${ref(info).text} /ID [${idText} ${idText}]>>\nstartxref\n${xrefAt}\n%%EOF\n`,
        'latin1',
      ),
    );
    await this.flush();
  }

  private async write(chunk: Uint8Array): Promise<void> {
    this.position += chunk.length;
    if (chunk.length >= VIEW) {
      await this.flush();
      await this.send(chunk);
      return;
    }
    this.pending.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    this.pendingBytes += chunk.length;
    if (this.pendingBytes >= CHUNK) await this.flush();
  }

  /** Sends what is gathered (a copy: the views it holds into a source are let go). */
  async flush(): Promise<void> {
    if (this.pendingBytes === 0) return;
    const chunk = Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    await this.send(chunk);
  }

  private async send(chunk: Uint8Array): Promise<void> {
    if (isClosed(this.out)) throw closedEarly();
    if (!this.out.write(chunk)) await waitForRoom(this.out);
  }
}
