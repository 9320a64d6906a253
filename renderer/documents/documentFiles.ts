import { call } from '../api/client';
import type { ViewedDocument } from '../dossier/DocumentViewer';

/**
 * A version of a generated document (the latest when `version` is absent), ready for the viewer or
 * a download: 'V-12.pdf', or 'V-12_v1.pdf' for a version asked for by its number.
 */
export async function readDocument(id: string, version?: number): Promise<ViewedDocument> {
  const file = await call('documents.read', { id, ...(version !== undefined ? { version } : {}) });
  const name = version === undefined ? file.name : file.name.replace(/(\.pdf)?$/i, `_v${file.version}.pdf`);
  return { name, kind: 'pdf', bytes: file.bytes };
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

/** The bytes of a file the user chose. */
export async function fileBytes(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}
