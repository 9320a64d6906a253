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

/** The download link, shared with the dossier's originals (issue 15). */
export { saveFile } from '../components/saveFile';

/** The bytes of a file the user chose. */
export async function fileBytes(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}
