import { PDFContext, PngEmbedder, type PDFRef } from 'pdf-lib';
import { hexString, name, ref, serialize, type PdfValue } from '../pdf/pdfSyntax';
import { pdfNumber, type PdfOutput } from './mergedOutput';
import type { PlacedPage, SharedObjects } from './mergedPdfPages';
import { UnreadableSource } from './mergedPdfPages';
import { FOOTER_FONT_KEY, type Box } from './mergedText';

/**
 * A scanned dossier document (JPEG or PNG, dossier/fileCheck.ts accepted it) as one page of the
 * merged dossier (issue 15): the image fitted to an A4 page with margins, its aspect ratio kept,
 * upright as its EXIF orientation says (a photo taken sideways by a phone). Images are not decoded
 * or re-encoded where PDF can carry them as stored: a JPEG goes in as is (DCTDecode), and so does
 * the compressed data of a PNG without transparency or interlace (FlateDecode with the PNG
 * predictors, ISO 32000-1 §7.4.4.4). Any other PNG is decoded and embedded by pdf-lib.
 */

const MM = 72 / 25.4;
const A4_PORTRAIT: Box = [0, 0, 595.28, 841.89];
const A4_LANDSCAPE: Box = [0, 0, 841.89, 595.28];
/** Room around the image; the bottom margin leaves the page-number line clear. */
const MARGIN = { side: 12 * MM, top: 12 * MM, bottom: 16 * MM };

interface Image {
  /** The image XObject's number. */
  num: number;
  width: number;
  height: number;
  /** EXIF orientation (1–8, TIFF tag 274); 1 is upright. */
  orientation: number;
}

// ---------------------------------------------------------------------------------------------------
// JPEG (ITU-T T.81 markers, EXIF 2.3 orientation)

interface JpegInfo {
  width: number;
  height: number;
  components: number;
  bits: number;
  /** An Adobe APP14 segment: its CMYK data is stored inverted. */
  adobe: boolean;
  orientation: number;
}

/** The orientation in an EXIF segment's first IFD (a TIFF structure from `start`), or 1. */
function exifOrientation(buf: Buffer, start: number, end: number): number {
  if (end - start < 8) return 1;
  const little = buf[start] === 0x49 && buf[start + 1] === 0x49;
  const u16 = (at: number) => (start + at + 2 > end ? -1 : little ? buf.readUInt16LE(start + at) : buf.readUInt16BE(start + at));
  const u32 = (at: number) => (start + at + 4 > end ? -1 : little ? buf.readUInt32LE(start + at) : buf.readUInt32BE(start + at));
  if (u16(2) !== 42) return 1;
  const ifd = u32(4);
  const count = u16(ifd);
  for (let i = 0; i < count && ifd >= 0; i++) {
    const entry = ifd + 2 + i * 12;
    if (u16(entry) === 0x0112) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : 1;
    }
  }
  return 1;
}

const isStartOfFrame = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

function jpegInfo(buf: Buffer): JpegInfo {
  if (buf[0] !== 0xff || buf[1] !== 0xd8) throw new UnreadableSource('image');
  let adobe = false;
  let orientation = 1;
  let pos = 2;
  while (pos + 4 <= buf.length) {
    if (buf[pos] !== 0xff) throw new UnreadableSource('image');
    const marker = buf[pos + 1] as number;
    if (marker === 0xff) {
      pos++;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      pos += 2;
      continue;
    }
    const length = buf.readUInt16BE(pos + 2);
    const start = pos + 4;
    const end = Math.min(buf.length, pos + 2 + length);
    if (marker === 0xe1 && buf.toString('latin1', start, start + 6) === 'Exif\0\0') orientation = exifOrientation(buf, start + 6, end);
    if (marker === 0xee && buf.toString('latin1', start, start + 5) === 'Adobe') adobe = true;
    if (isStartOfFrame(marker) && end - start >= 6) {
      const info = { bits: buf[start] as number, height: buf.readUInt16BE(start + 1), width: buf.readUInt16BE(start + 3), components: buf[start + 5] as number, adobe, orientation };
      if (info.width === 0 || info.height === 0 || info.bits !== 8 || ![1, 3, 4].includes(info.components)) throw new UnreadableSource('image');
      return info;
    }
    if (marker === 0xda) break;
    pos += 2 + length;
  }
  throw new UnreadableSource('image');
}

async function writeJpeg(bytes: Buffer, output: PdfOutput): Promise<Image> {
  const info = jpegInfo(bytes);
  const num = output.reserve();
  const dict: Record<string, PdfValue> = {
    Type: name('XObject'),
    Subtype: name('Image'),
    Width: info.width,
    Height: info.height,
    ColorSpace: name(info.components === 1 ? 'DeviceGray' : info.components === 3 ? 'DeviceRGB' : 'DeviceCMYK'),
    BitsPerComponent: 8,
    Filter: name('DCTDecode'),
    Length: bytes.length,
  };
  if (info.components === 4 && info.adobe) dict.Decode = [1, 0, 1, 0, 1, 0, 1, 0];
  await output.streamObject(num, serialize(dict), bytes);
  return { num, width: info.width, height: info.height, orientation: info.orientation };
}

// ---------------------------------------------------------------------------------------------------
// PNG (ISO/IEC 15948)

/** The image dictionary and data of a PNG PDF can carry as stored, or null if it must be decoded. */
function storedPng(buf: Buffer): { dict: Record<string, PdfValue>; data: Buffer } | null {
  let pos = 8;
  let header: { width: number; height: number; depth: number; colour: number; interlace: number } | undefined;
  let palette: Buffer | undefined;
  const data: Buffer[] = [];
  while (pos + 12 <= buf.length) {
    const length = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const body = buf.subarray(pos + 8, pos + 8 + length);
    if (type === 'IHDR' && body.length >= 13) {
      header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), depth: body[8] as number, colour: body[9] as number, interlace: body[12] as number };
    } else if (type === 'PLTE') palette = body;
    else if (type === 'tRNS') return null;
    else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') break;
    pos += 12 + length;
  }
  if (header === undefined || header.width === 0 || header.height === 0 || header.interlace !== 0 || data.length === 0) throw new UnreadableSource('image');
  const { width, height, depth, colour } = header;
  let colorSpace: PdfValue;
  if (colour === 0) colorSpace = name('DeviceGray');
  else if (colour === 2) colorSpace = name('DeviceRGB');
  else if (colour === 3 && palette !== undefined && palette.length >= 3) colorSpace = [name('Indexed'), name('DeviceRGB'), Math.floor(palette.length / 3) - 1, hexString(palette)];
  else return null; // grey or colour with alpha: decoded, the alpha becoming a soft mask
  if (depth > 8) return null;
  const colors = colour === 2 ? 3 : 1;
  const joined = data.length === 1 ? (data[0] as Buffer) : Buffer.concat(data);
  return {
    dict: {
      Type: name('XObject'),
      Subtype: name('Image'),
      Width: width,
      Height: height,
      ColorSpace: colorSpace,
      BitsPerComponent: depth,
      Filter: name('FlateDecode'),
      DecodeParms: { Predictor: 15, Colors: colors, BitsPerComponent: depth, Columns: width },
      Length: joined.length,
    },
    data: joined,
  };
}

async function writePng(bytes: Buffer, output: PdfOutput): Promise<Image> {
  const stored = storedPng(bytes);
  if (stored !== null) {
    const num = output.reserve();
    await output.streamObject(num, serialize(stored.dict), stored.data);
    return { num, width: stored.dict.Width as number, height: stored.dict.Height as number, orientation: 1 };
  }
  // pdf-lib decodes it and numbers its objects (the image and its soft mask) after the merged file's.
  const context = PDFContext.create();
  context.largestObjectNumber = output.mark();
  let embedder: PngEmbedder;
  let image: PDFRef;
  try {
    embedder = await PngEmbedder.for(bytes);
    image = await embedder.embedIntoContext(context);
  } catch {
    throw new UnreadableSource('image');
  }
  output.adopt(context.largestObjectNumber);
  for (const [objectRef, object] of context.enumerateIndirectObjects()) {
    const body = Buffer.alloc(object.sizeInBytes());
    object.copyBytesInto(body, 0);
    const n = objectRef.objectNumber;
    await output.serialized(n, Buffer.concat([Buffer.from(`${n} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]));
  }
  return { num: image.objectNumber, width: embedder.width, height: embedder.height, orientation: 1 };
}

// ---------------------------------------------------------------------------------------------------
// The page

/**
 * The matrix that draws the image (its unit square, first row at the top) upright into the
 * rectangle (x, y, w, h) as it is seen, for each EXIF orientation: which side the stored first row
 * and first column are on (TIFF 6.0, tag 274).
 */
function orientedMatrix(orientation: number, x: number, y: number, w: number, h: number): number[] {
  switch (orientation) {
    case 2: return [-w, 0, 0, h, x + w, y]; // mirrored left–right
    case 3: return [-w, 0, 0, -h, x + w, y + h]; // turned 180°
    case 4: return [w, 0, 0, -h, x, y + h]; // mirrored top–bottom
    case 5: return [0, -h, -w, 0, x + w, y + h]; // first row on the left, first column at the top
    case 6: return [0, -h, w, 0, x, y + h]; // turned 90° clockwise to be seen upright
    case 7: return [0, h, w, 0, x, y]; // first row on the right, first column at the bottom
    case 8: return [0, h, -w, 0, x + w, y]; // turned 90° counter-clockwise
    default: return [w, 0, 0, h, x, y];
  }
}

/** The image document's page: the image fitted to A4 (landscape for a landscape image) and its page-number stream to come. */
export async function imagePage(bytes: Buffer, kind: 'jpeg' | 'png', output: PdfOutput, shared: SharedObjects): Promise<PlacedPage> {
  const image = kind === 'jpeg' ? await writeJpeg(bytes, output) : await writePng(bytes, output);
  const turned = image.orientation >= 5;
  const seenWidth = turned ? image.height : image.width;
  const seenHeight = turned ? image.width : image.height;
  const box = seenWidth > seenHeight ? A4_LANDSCAPE : A4_PORTRAIT;
  const roomWidth = box[2] - 2 * MARGIN.side;
  const roomHeight = box[3] - MARGIN.top - MARGIN.bottom;
  const scale = Math.min(roomWidth / seenWidth, roomHeight / seenHeight);
  const w = seenWidth * scale;
  const h = seenHeight * scale;
  const x = (box[2] - w) / 2;
  const y = MARGIN.bottom + (roomHeight - h) / 2;
  const content = Buffer.from(`q ${orientedMatrix(image.orientation, x, y, w, h).map(pdfNumber).join(' ')} cm /Im0 Do Q\n`, 'latin1');

  const contentNum = output.reserve();
  const num = output.reserve();
  const footer = output.reserve();
  await output.object(contentNum, { Length: content.length }, content);
  await output.object(num, {
    Type: name('Page'),
    Parent: ref(shared.pages),
    MediaBox: box,
    Resources: { XObject: { Im0: ref(image.num) }, Font: { [FOOTER_FONT_KEY]: ref(shared.footerFont) } },
    Contents: [ref(contentNum), ref(footer)],
  });
  return { num, box, rotate: 0, footer };
}
