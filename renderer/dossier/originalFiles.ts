import type { DocumentKind } from '../../shared/domain/dossier';
import { saveFile } from '../components/saveFile';

/**
 * Saving a dossier document as it was received (issue 15, "download originals"): any version, with
 * its original name and media type, through the download link (components/saveFile.ts).
 */

export const MEDIA_TYPES: Readonly<Record<DocumentKind, string>> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

/**
 * The name a version is saved under: the current one under its original name; an earlier one with
 * its number before the extension ('pazyma_v1.pdf'), so that two versions never share a name.
 */
export function originalName(name: string, version: number, current: boolean): string {
  if (current) return name;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)}_v${version}${name.slice(dot)}` : `${name}_v${version}`;
}

/** Save a dossier document's version as it was received, with its media type. */
export function saveOriginal(name: string, bytes: Uint8Array, kind: DocumentKind): void {
  saveFile(name, bytes, MEDIA_TYPES[kind]);
}
