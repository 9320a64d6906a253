import fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { DomainError } from '../../../shared/domain/errors';

/**
 * The fonts every generated document embeds (PDF/A requires embedded fonts): Liberation Serif,
 * metric-compatible with Times New Roman, which Lithuanian official documents use. Subsetting a
 * font for each document costs about 100 ms; instead one subset per face is made once per process,
 * covering Latin, Latin-1 and Latin Extended-A/B (Lithuanian and the neighbours' names) and the
 * punctuation documents use, and every document reuses its bytes.
 */
export type FaceName = 'regular' | 'bold';

const FACE_FILES: Record<FaceName, string> = {
  regular: 'LiberationSerif-Regular.ttf',
  bold: 'LiberationSerif-Bold.ttf',
};

/** The repertoire: printable ASCII, Latin-1, Latin Extended-A/B, and typographic punctuation. */
function repertoire(): number[] {
  const points: number[] = [];
  for (let cp = 0x20; cp <= 0x7e; cp++) points.push(cp);
  for (let cp = 0xa0; cp <= 0x24f; cp++) points.push(cp);
  for (const ch of '‐–—‘’‚“”„†•…‰‹›€№™−') points.push(ch.codePointAt(0) as number);
  return points;
}

export interface PreparedFace {
  name: FaceName;
  /** The PostScript name with a subset tag, e.g. 'PSKAAA+LiberationSerif'. */
  baseFont: string;
  /** The subset TrueType program, deflated. */
  program: Uint8Array;
  programLength: number;
  /** Unicode code point → CID (the glyph id in the subset; CIDToGIDMap is Identity). */
  cids: Map<number, number>;
  /** Advance width per CID, in 1/1000 of the font size. */
  widths: number[];
  /** CID → the text it stands for (ToUnicode). */
  unicode: string[];
  ascent: number;
  descent: number;
  capHeight: number;
  bbox: [number, number, number, number];
  italicAngle: number;
  flags: number;
  stemV: number;
}

function encodeSubset(subset: ReturnType<ReturnType<typeof fontkit.create>['createSubset']>): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const parts: Uint8Array[] = [];
    const stream = subset.encodeStream();
    stream.on('data', (chunk: Uint8Array) => parts.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(parts)));
  });
}

async function prepareFace(fontsDir: string, name: FaceName): Promise<PreparedFace> {
  const font = fontkit.create(readFileSync(join(fontsDir, FACE_FILES[name])));
  const scale = 1000 / font.unitsPerEm;
  const subset = font.createSubset();
  const cids = new Map<number, number>();
  const widths: number[] = [Math.round(font.getGlyph(0).advanceWidth * scale)];
  const unicode: string[] = [''];
  for (const cp of repertoire()) {
    if (!font.hasGlyphForCodePoint(cp)) continue;
    const glyph = font.glyphForCodePoint(cp);
    const cid = subset.includeGlyph(glyph);
    cids.set(cp, cid);
    widths[cid] = Math.round(glyph.advanceWidth * scale);
    unicode[cid] ??= String.fromCodePoint(cp); // the first code point of a shared glyph
  }
  const program = await encodeSubset(subset);
  const bold = name === 'bold';
  return {
    name,
    baseFont: `PSK${bold ? 'BBB' : 'AAA'}+${(font.postscriptName ?? 'LiberationSerif').replace(/[^A-Za-z0-9-]/g, '')}`,
    program: deflateSync(program, { level: 9 }),
    programLength: program.length,
    cids,
    widths,
    unicode,
    ascent: Math.round(font.ascent * scale),
    descent: Math.round(font.descent * scale),
    capHeight: Math.round(font.capHeight * scale),
    bbox: [font.bbox.minX, font.bbox.minY, font.bbox.maxX, font.bbox.maxY].map((v) => Math.round(v * scale)) as [number, number, number, number],
    italicAngle: font.italicAngle,
    // Serif (2) + Nonsymbolic (32); bold faces are told apart by StemV.
    flags: 2 | 32,
    stemV: bold ? 140 : 80,
  };
}

export type Faces = Record<FaceName, PreparedFace>;

const prepared = new Map<string, Promise<Faces>>();

/** The prepared faces, made at the first call for a fonts folder and kept for the process. */
export function loadFaces(fontsDir: string): Promise<Faces> {
  let faces = prepared.get(fontsDir);
  if (faces === undefined) {
    faces = Promise.all([prepareFace(fontsDir, 'regular'), prepareFace(fontsDir, 'bold')]).then(([regular, bold]) => ({ regular, bold }));
    faces.catch(() => prepared.delete(fontsDir));
    prepared.set(fontsDir, faces);
  }
  return faces;
}

/** Width of `text` in points at `size`. */
export function textWidth(face: PreparedFace, text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += face.widths[face.cids.get(ch.codePointAt(0) as number) ?? 0] ?? 0;
  return (w * size) / 1000;
}

/** The characters of `text` that the embedded fonts cannot show. */
export function missingCharacters(face: PreparedFace, text: string): string[] {
  const missing = new Set<string>();
  for (const ch of text) if (!face.cids.has(ch.codePointAt(0) as number) && ch !== '\n') missing.add(ch);
  return [...missing];
}

/** The text as a PDF hex string of 2-byte CIDs (Identity-H). */
export function encodeText(face: PreparedFace, text: string): string {
  let hex = '';
  for (const ch of text) hex += (face.cids.get(ch.codePointAt(0) as number) ?? 0).toString(16).padStart(4, '0');
  return `<${hex}>`;
}

export function unsupportedText(chars: string[]): DomainError {
  return new DomainError('DOCUMENT_CHARACTERS', { characters: chars });
}
