import type { DocumentKind } from '../../shared/domain/dossier';

/**
 * Saving a dossier document as it was received (issue 15, "download originals"): any version, with
 * its original name and media type. The download link (saveFile) lives here, in the feature the
 * documents feature builds on, and documents/documentFiles.ts passes it on.
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

/** Hand `bytes` to the browser (or Electron) as a download named `name` (a PDF unless `type` says otherwise). */
export function saveFile(name: string, bytes: Uint8Array, type = 'application/pdf'): void {
  const url = URL.createObjectURL(new Blob([bytes.slice()], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked once the download surely has the bytes (a save dialog may keep it waiting a while).
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Save a dossier document's version as it was received, with its media type. */
export function saveOriginal(name: string, bytes: Uint8Array, kind: DocumentKind): void {
  saveFile(name, bytes, MEDIA_TYPES[kind]);
}
