import type { PreparedFace } from '../pdf/fonts';
import { fontObjects } from '../pdf/pdfWriter';
import type { PdfOutput } from './mergedOutput';

/**
 * The merged dossier's own font objects: each prepared face (pdf/fonts.ts, the subset of Liberation
 * Serif every generated document embeds) as a Type 0 font with Identity-H encoding, its
 * CIDFontType2, descriptor, program, CIDSet and ToUnicode map (so that Lithuanian text can be
 * searched and copied). PDF/A-2 wants every font embedded (ISO 19005-2 §6.2.11.4) and a CIDSet, when
 * present, to list every glyph of the program (§6.2.11.4.2): the subset's glyphs are exactly its CIDs.
 *
 * The same objects as pdf/pdfWriter.ts writes at fixed numbers (its `fontObjects`), here at numbers
 * the merged file reserves.
 */

/** Objects one face takes: Type0, CIDFontType2, descriptor, program, CIDSet, ToUnicode. */
export const FONT_OBJECTS = 6;

/** Writes the face's objects at numbers `first` … `first + 5`; the font itself is `first`. */
export async function writeFont(output: PdfOutput, face: PreparedFace, first: number): Promise<void> {
  const objects = fontObjects(face, first);
  for (let i = 0; i < objects.length; i++) await output.serialized(first + i, objects[i] as Uint8Array);
}
