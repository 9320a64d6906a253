/**
 * Checking a document attached to a dossier item (V-77 p. 6: the documentary material the commission
 * receives — risk assessment, social investigation conclusion, request, identity document, …) before
 * it is stored. The commission must be able to open every attachment at the meeting (p. 9–11), so a
 * file is accepted only if its CONTENT is a usable PDF, JPEG or PNG; its name (and extension) is never
 * trusted: an .exe renamed .pdf is still a program.
 *
 * The check is cheap by design (storing a 50 MB scan may cost at most twice a `sha256sum` of it): it
 * reads the head and the tail, jumps to the PDF cross-reference section named by `startxref` and reads
 * only its trailer (or cross-reference stream) dictionary, with the app's one PDF tokenizer
 * (pdf/pdfSyntax), and walks JPEG marker segments (up to the scan) and PNG chunks by their lengths.
 * It never scans or copies the whole file and never parses the PDF's other objects.
 */
import { crc32 } from 'node:zlib';
import { DomainError } from '../../../shared/domain/errors';
import { formatMegabytes, formatSizeAndLimit, type DetectedContent } from '../../../shared/domain/errorTexts/dossier';
import {
  dictionaryAt,
  objectHeaderAt,
  ParsedName,
  readUnsigned,
  skipPdfWhitespace,
  startsWithText,
  trailerAfterTable,
  type Parsed,
  type ParsedDict,
} from '../pdf/pdfSyntax';

export type DocumentKind = 'pdf' | 'jpeg' | 'png';

/** What a refused file was recognised as (FILE_NOT_DOCUMENT's `detected`). */
export type { DetectedContent };
/** Sizes as the refusals write them (their texts are in the error catalogue). */
export { formatMegabytes, formatSizeAndLimit };

/** A PDF reader looks for the header in the first 1024 bytes and for `%%EOF` in the last 1024. */
const HEADER_WINDOW = 1024;
/** Trailing whitespace / NUL padding tolerated after `%%EOF` or a JPEG's EOI. More is an incomplete copy. */
const MAX_PADDING = 1024;
/** How far before `%%EOF` the `startxref` keyword, and before it the last `trailer`, are looked for. */
const TAIL_WINDOW = 64 * 1024;
/** A trailer or cross-reference stream dictionary longer than this is not a sane one. */
const MAX_DICTIONARY = 64 * 1024;
/** How many bytes decide whether a file is plain text. */
const TEXT_WINDOW = 4096;

/**
 * Check that `bytes` (a file called `name`, as the user named it) is a usable PDF, JPEG or PNG of at
 * most `maxBytes`; return its kind or throw a DomainError naming the file and saying what to do.
 */
export function checkDocument(name: string, bytes: Uint8Array, maxBytes: number): DocumentKind {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength); // a view, not a copy
  if (buf.length === 0) throw fileEmpty(name);
  if (buf.length > maxBytes) throw fileTooLarge(name, buf.length, maxBytes);

  if (isJpeg(buf)) {
    checkJpeg(name, buf);
    return 'jpeg';
  }
  if (isPng(buf)) {
    checkPng(name, buf);
    return 'png';
  }
  const other = detectOtherContent(buf);
  if (other !== null) throw notDocument(name, buf.length, other);

  const header = pdfHeaderOffset(buf);
  if (header >= 0) {
    checkPdf(name, buf, header);
    return 'pdf';
  }
  if (hasPdfSigns(buf)) throw pdfDamaged(name, buf.length, 'no-header');
  throw notDocument(name, buf.length, looksLikeText(buf) ? 'text' : 'unknown');
}

// ---------------------------------------------------------------------------------------------------
// Refusals: each names the file and says plainly what to do (the texts: shared/domain/errorTexts/dossier)

function fileEmpty(name: string): DomainError {
  return new DomainError('FILE_EMPTY', { file: name, size: 0 });
}

function fileTooLarge(name: string, size: number, limit: number): DomainError {
  return new DomainError('FILE_TOO_LARGE', { file: name, size, limit });
}

function notDocument(name: string, size: number, detected: DetectedContent): DomainError {
  return new DomainError('FILE_NOT_DOCUMENT', { file: name, size, detected });
}

function pdfEncrypted(name: string, size: number): DomainError {
  return new DomainError('PDF_ENCRYPTED', { file: name, size, kind: 'pdf' });
}

function pdfTruncated(name: string, size: number, reason: string): DomainError {
  return new DomainError('PDF_TRUNCATED', { file: name, size, kind: 'pdf', reason });
}

function pdfDamaged(name: string, size: number, reason: string): DomainError {
  return new DomainError('PDF_DAMAGED', { file: name, size, kind: 'pdf', reason });
}

function imageTruncated(name: string, size: number, kind: 'jpeg' | 'png', reason: string): DomainError {
  return new DomainError('IMAGE_TRUNCATED', { file: name, size, kind, reason });
}

function imageDamaged(name: string, size: number, kind: 'jpeg' | 'png', reason: string): DomainError {
  return new DomainError('IMAGE_DAMAGED', { file: name, size, kind, reason });
}

// ---------------------------------------------------------------------------------------------------
// Recognising content by its first bytes

function startsWith(buf: Buffer, signature: readonly number[], at = 0): boolean {
  if (at + signature.length > buf.length) return false;
  return signature.every((b, i) => buf[at + i] === b);
}

const startsWithAscii = (buf: Buffer, text: string, at = 0): boolean => startsWithText(buf, text, at);

function isJpeg(buf: Buffer): boolean {
  return startsWith(buf, [0xff, 0xd8, 0xff]);
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;

function isPng(buf: Buffer): boolean {
  return startsWith(buf, PNG_SIGNATURE);
}

/** The content of a file that is not one of the accepted kinds, if its first bytes say so. */
function detectOtherContent(buf: Buffer): Exclude<DetectedContent, 'text' | 'unknown'> | null {
  if (isWindowsProgram(buf)) return 'exe';
  if (startsWith(buf, [0x7f, 0x45, 0x4c, 0x46])) return 'elf';
  if (isZip(buf)) return 'zip';
  if (startsWithAscii(buf, 'GIF87a') || startsWithAscii(buf, 'GIF89a')) return 'gif';
  if (startsWith(buf, [0x49, 0x49, 0x2a, 0x00]) || startsWith(buf, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (isBmp(buf)) return 'bmp';
  if (startsWithAscii(buf, 'ftyp', 4)) return 'heic';
  if (startsWithAscii(buf, 'Rar!\x1a\x07')) return 'rar';
  if (startsWith(buf, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return '7z';
  return null;
}

/** `MZ`, and either a PE header at e_lfanew or content that is not text (a note starting "MZ…" is text). */
function isWindowsProgram(buf: Buffer): boolean {
  if (!startsWithAscii(buf, 'MZ')) return false;
  if (buf.length >= 64) {
    const peOffset = buf.readUInt32LE(0x3c);
    if (startsWith(buf, [0x50, 0x45, 0x00, 0x00], peOffset)) return true;
  }
  return !looksLikeText(buf);
}

/** A local file header, the end record of an empty archive, or a spanned archive's marker. */
function isZip(buf: Buffer): boolean {
  return (
    startsWith(buf, [0x50, 0x4b, 0x03, 0x04]) || startsWith(buf, [0x50, 0x4b, 0x05, 0x06]) || startsWith(buf, [0x50, 0x4b, 0x07, 0x08])
  );
}

/** `BM` alone is too weak (text can start so): the DIB header that follows must have a known size. */
function isBmp(buf: Buffer): boolean {
  if (!startsWithAscii(buf, 'BM') || buf.length < 18) return false;
  return [12, 16, 40, 52, 56, 64, 108, 124].includes(buf.readUInt32LE(14));
}

/** The head has no control characters but whitespace (UTF-8 or a legacy code page such as Windows-1257). */
function looksLikeText(buf: Buffer): boolean {
  if (startsWith(buf, [0xff, 0xfe]) || startsWith(buf, [0xfe, 0xff])) return true; // UTF-16 with a BOM
  const end = Math.min(buf.length, TEXT_WINDOW);
  for (let i = 0; i < end; i++) {
    const b = buf[i] as number;
    if (b === 0x09 || b === 0x0a || b === 0x0c || b === 0x0d) continue;
    if (b < 0x20 || b === 0x7f) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------
// PDF: header, `%%EOF`, `startxref`, and the trailer or cross-reference stream dictionary

/** Where `%PDF-` starts within the first 1024 bytes, or -1. */
function pdfHeaderOffset(buf: Buffer): number {
  return buf.subarray(0, HEADER_WINDOW).indexOf('%PDF-', 0, 'latin1');
}

/** A PDF whose header is gone still ends with `%%EOF`/`startxref` or shows objects in its head. */
function hasPdfSigns(buf: Buffer): boolean {
  const tail = buf.subarray(Math.max(0, buf.length - HEADER_WINDOW));
  if (tail.includes('%%EOF', 0, 'latin1') || tail.includes('startxref', 0, 'latin1')) return true;
  const head = buf.subarray(0, HEADER_WINDOW);
  return head.includes('endobj', 0, 'latin1') && /\d+\s+\d+\s+obj/.test(head.toString('latin1'));
}

function checkPdf(name: string, buf: Buffer, headerOffset: number): void {
  const eof = pdfEofOffset(buf);
  if (eof < 0) throw pdfTruncated(name, buf.length, 'no-eof');
  const xref = startxrefTarget(buf, eof, headerOffset);
  if (xref === 'missing') throw pdfTruncated(name, buf.length, 'no-startxref');
  if (xref === 'outside') throw pdfTruncated(name, buf.length, 'startxref-outside-file');
  if (xref === 'elsewhere') throw pdfTruncated(name, buf.length, 'startxref-not-at-xref');

  const dictionaries: ParsedDict[] = [];
  if (xref.kind === 'table') {
    const at = trailerAfterTable(buf, xref.offset);
    const trailer = at === null ? null : dictionaryAt(buf, at, MAX_DICTIONARY);
    if (trailer) dictionaries.push(trailer);
  } else {
    const stream = dictionaryAt(buf, xref.dictionary, MAX_DICTIONARY);
    if (!stream || !isName(stream.get('Type'), 'XRef')) throw pdfDamaged(name, buf.length, 'startxref-not-xref-stream');
    dictionaries.push(stream);
  }
  const lastTrailer = lastTrailerInTail(buf, eof);
  if (lastTrailer) dictionaries.push(lastTrailer);
  if (dictionaries.length === 0) throw pdfDamaged(name, buf.length, 'no-trailer');
  if (dictionaries.some((dictionary) => dictionary.has('Encrypt'))) throw pdfEncrypted(name, buf.length);
}

const isName = (value: Parsed | undefined, name: string): boolean => value instanceof ParsedName && value.value === name;

function isPadding(b: number): boolean {
  return b === 0x00 || b === 0x09 || b === 0x0a || b === 0x0c || b === 0x0d || b === 0x20;
}

/** Where the content ends once trailing whitespace/NUL padding is taken off, or -1 if the padding is too long. */
function endBeforePadding(buf: Buffer): number {
  let end = buf.length;
  while (end > 0 && isPadding(buf[end - 1] as number)) {
    end--;
    if (buf.length - end > MAX_PADDING) return -1;
  }
  return end;
}

/** Where the final `%%EOF` starts, if the file ends with it (and at most some padding). */
function pdfEofOffset(buf: Buffer): number {
  const end = endBeforePadding(buf);
  if (end < 5 || !startsWithAscii(buf, '%%EOF', end - 5)) return -1;
  return end - 5;
}

type XrefTarget =
  | { kind: 'table'; offset: number }
  | { kind: 'stream'; offset: number; dictionary: number }
  | 'missing'
  | 'outside'
  | 'elsewhere';

/** Follow the last `startxref` before `%%EOF` to a classic `xref` table or an `N G obj` (cross-reference stream). */
function startxrefTarget(buf: Buffer, eof: number, headerOffset: number): XrefTarget {
  const from = Math.max(0, eof - TAIL_WINDOW);
  const at = buf.subarray(from, eof).lastIndexOf('startxref', undefined, 'latin1');
  if (at < 0) return 'missing';
  const number = readUnsigned(buf, skipPdfWhitespace(buf, from + at + 'startxref'.length, eof), eof);
  if (!number) return 'missing';
  // Offsets count from the start of the file; a few writers count from `%PDF-` when junk precedes it.
  const candidates = headerOffset > 0 ? [number.value, number.value + headerOffset] : [number.value];
  if (candidates.every((offset) => offset >= eof)) return 'outside';
  for (const offset of candidates) {
    if (offset >= eof) continue;
    const start = skipPdfWhitespace(buf, offset, Math.min(eof, offset + 16));
    if (startsWithAscii(buf, 'xref', start)) return { kind: 'table', offset: start };
    const header = objectHeaderAt(buf, start, eof);
    const dictionary = header === null ? -1 : skipPdfWhitespace(buf, header.start, eof);
    if (dictionary >= 0 && startsWithAscii(buf, '<<', dictionary)) return { kind: 'stream', offset: start, dictionary };
  }
  return 'elsewhere';
}

/** The last `trailer` dictionary in the tail (an incremental update's trailer repeats `/Encrypt`). */
function lastTrailerInTail(buf: Buffer, eof: number): ParsedDict | null {
  const from = Math.max(0, eof - TAIL_WINDOW);
  const at = buf.subarray(from, eof).lastIndexOf('trailer', undefined, 'latin1');
  if (at < 0) return null;
  return dictionaryAt(buf, skipPdfWhitespace(buf, from + at + 'trailer'.length, eof), MAX_DICTIONARY);
}

// ---------------------------------------------------------------------------------------------------
// JPEG: marker segments up to the scan (SOS), a frame header (SOF) among them, and EOI at the end

const SOF_MARKERS = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);
const SOS = 0xda;
const EOI = 0xd9;

function checkJpeg(name: string, buf: Buffer): void {
  const scan = jpegScanStart(buf);
  if (typeof scan === 'string') {
    if (scan === 'segment-past-end') throw imageTruncated(name, buf.length, 'jpeg', scan);
    throw imageDamaged(name, buf.length, 'jpeg', scan);
  }
  const end = endBeforePadding(buf);
  if (end < scan + 2 || buf[end - 2] !== 0xff || buf[end - 1] !== EOI) throw imageTruncated(name, buf.length, 'jpeg', 'no-eoi');
}

/**
 * Walk the marker segments from SOI by their lengths to the first SOS; return where the entropy-coded
 * data begins, or why the header is unusable.
 */
function jpegScanStart(buf: Buffer): number | 'segment-past-end' | 'no-frame-header' | 'zero-size' | 'bad-marker' {
  let pos = 2;
  let frame = false;
  while (true) {
    if (pos >= buf.length) return 'segment-past-end';
    if (buf[pos] !== 0xff) return 'bad-marker';
    while (buf[pos] === 0xff) pos++; // fill bytes
    if (pos >= buf.length) return 'segment-past-end';
    const marker = buf[pos] as number;
    pos++;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue; // standalone markers
    if (marker === 0xd8 || marker === EOI || marker === 0x00) return 'bad-marker';
    if (pos + 2 > buf.length) return 'segment-past-end';
    const length = buf.readUInt16BE(pos);
    if (length < 2) return 'bad-marker';
    const next = pos + length;
    if (next > buf.length) return 'segment-past-end';
    if (SOF_MARKERS.has(marker)) {
      if (length < 8) return 'bad-marker';
      if (buf.readUInt16BE(pos + 3) === 0 || buf.readUInt16BE(pos + 5) === 0) return 'zero-size';
      frame = true;
    }
    if (marker === SOS) return frame ? next : 'no-frame-header';
    pos = next;
  }
}

// ---------------------------------------------------------------------------------------------------
// PNG: a valid IHDR first, then chunks by their lengths to IEND

const IHDR_BIT_DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

function checkPng(name: string, buf: Buffer): void {
  const header = pngHeaderProblem(buf);
  if (header === 'truncated') throw imageTruncated(name, buf.length, 'png', 'ihdr-past-end');
  if (header) throw imageDamaged(name, buf.length, 'png', header);
  const walk = pngChunkProblem(buf);
  if (walk === 'chunk-past-end' || walk === 'no-iend') throw imageTruncated(name, buf.length, 'png', walk);
  if (walk) throw imageDamaged(name, buf.length, 'png', walk);
}

/** What is wrong with the first chunk, which must be IHDR: length 13, a size, valid fields, a correct CRC. */
function pngHeaderProblem(buf: Buffer): string | null {
  if (buf.length < 8 + 8 + 13 + 4) return 'truncated';
  if (buf.readUInt32BE(8) !== 13 || !startsWithAscii(buf, 'IHDR', 12)) return 'no-ihdr';
  if (buf.readUInt32BE(16) === 0 || buf.readUInt32BE(20) === 0) return 'zero-size';
  const bitDepth = buf[24] as number;
  const colourType = buf[25] as number;
  if (!IHDR_BIT_DEPTHS[colourType]?.includes(bitDepth) || buf[26] !== 0 || buf[27] !== 0 || (buf[28] as number) > 1) {
    return 'ihdr-fields';
  }
  if (crc32(buf.subarray(12, 29)) !== buf.readUInt32BE(29)) return 'ihdr-crc';
  return null;
}

/** Jump from chunk to chunk by their lengths; IEND must be reached, after at least one IDAT. */
function pngChunkProblem(buf: Buffer): string | null {
  let pos = 8;
  let imageData = false;
  while (pos < buf.length) {
    if (pos + 12 > buf.length) return 'chunk-past-end';
    const length = buf.readUInt32BE(pos);
    if (length > 0x7fffffff) return 'chunk-length';
    for (let i = 4; i < 8; i++) if (!isAsciiLetter(buf[pos + i] as number)) return 'chunk-type';
    const next = pos + 12 + length;
    if (next > buf.length) return 'chunk-past-end';
    if (startsWithAscii(buf, 'IDAT', pos + 4)) imageData = true;
    if (startsWithAscii(buf, 'IEND', pos + 4)) return imageData ? null : 'no-idat';
    pos = next;
  }
  return 'no-iend';
}

function isAsciiLetter(b: number): boolean {
  return (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);
}

