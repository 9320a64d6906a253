/**
 * Small real documents for the demo data (V-77 p. 6: the material of each dossier item), made without
 * any library: a one-page A4 PDF with a few lines of text (a classic cross-reference table with exact
 * offsets, as `pdfinfo` and the content check of electron/services/dossier/fileCheck.ts expect), and
 * a greyscale PNG that stands for a scanned identity card (6.10). The same input gives the same bytes.
 */
import { crc32, deflateSync } from 'node:zlib';

/**
 * The standard PDF fonts encode only WinAnsi, which lacks most Lithuanian letters: marks are
 * dropped (ė → e, š → s) and anything else outside printable ASCII becomes '?'.
 */
export function asciiText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '?');
}

/** A PDF literal string: parentheses and backslashes escaped. */
function pdfString(text: string): string {
  return `(${asciiText(text).replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

/** Split text into lines of at most `width` characters at spaces (a longer word stays whole). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** A4 in points. */
const A4 = { width: 595.28, height: 841.89 };
/** Lines of 11 pt text (15 pt leading) that fit the page between the top and bottom margins. */
const MAX_LINES = 48;

/**
 * A valid one-page A4 PDF: `title` in bold (wrapped at 62 characters), then `paragraphs` wrapped at
 * 90 characters (text beyond one page is cut). `date` (YYYY-MM-DD) goes into the document
 * information as its creation date.
 */
export function demoPdf(title: string, paragraphs: readonly string[], date: string): Uint8Array {
  const titleLines = wrap(title, 62).slice(0, 3);
  const top = A4.height - 72;
  const bodyTop = top - titleLines.length * 19 - 14;
  const lines = paragraphs.flatMap((p, i) => [...(i > 0 ? [''] : []), ...wrap(p, 90)]).slice(0, MAX_LINES - titleLines.length * 2);
  const content = [
    'BT',
    `/F2 15 Tf 19 TL 56 ${top.toFixed(2)} Td`,
    ...titleLines.map((l) => `${pdfString(l)} Tj T*`),
    'ET',
    'BT',
    `/F1 11 Tf 15 TL 56 ${bodyTop.toFixed(2)} Td`,
    ...lines.map((l) => `${pdfString(l)} Tj T*`),
    'ET',
  ].join('\n');
  const compactDate = date.replaceAll('-', '');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${A4.width} ${A4.height}] /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 4 0 R >>`,
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
    `<< /Title ${pdfString(title)} /Producer (Pusiaukele demo) /CreationDate (D:${compactDate}090000Z) >>`,
  ];
  // The header's second line is a comment of bytes above 127: it marks the file as binary for transfers.
  let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  // Every cross-reference entry is exactly 20 bytes: 10 digits, space, 5 digits, space, type, space, LF.
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, 'latin1'));
}

// ---- PNG ----


function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * A greyscale PNG of 428 × 270 pixels (an ID-1 card at about 100 dpi) that looks like a scanned
 * identity card: a frame, a photo, and bars where the lines of text are. `seed` varies the bars, so
 * that two convicts' cards are different files.
 */
export function demoIdCardPng(seed: number): Uint8Array {
  const width = 428;
  const height = 270;
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const pixels = Buffer.alloc(height * (width + 1), 0);
  const bars = Array.from({ length: 7 }, (_, i) => ({ y: 60 + i * 26, length: 80 + Math.floor(next() * 160) }));
  for (let y = 0; y < height; y++) {
    const row = y * (width + 1);
    pixels[row] = 0; // filter type: none
    const bar = bars.find((b) => y >= b.y && y < b.y + 9); // the row's bar, once per row
    for (let x = 0; x < width; x++) {
      let grey = 236;
      if (x < 6 || y < 6 || x >= width - 6 || y >= height - 6) grey = 90; // the card's edge
      else if (y >= 14 && y < 40 && x >= 20 && x < width - 20) grey = 200; // the header band
      else if (x >= 24 && x < 144 && y >= 60 && y < 220) grey = 120 + ((x * 7 + y * 3) % 40); // the photo
      else if (bar !== undefined && x >= 164 && x < 164 + bar.length) grey = 60;
      pixels[row + 1 + x] = grey;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // colour type: greyscale
  // compression, filter and interlace methods: 0
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(pixels)),
      chunk('IEND', new Uint8Array(0)),
    ]),
  );
}
