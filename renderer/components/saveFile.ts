/**
 * Hand `content` to the browser (or Electron) as a download named `name`: a PDF unless `type` says
 * otherwise. Used by the dossier's originals and the documents (issue 15) and the statistics'
 * CSV and report (issue 17).
 */
export function saveFile(name: string, content: Uint8Array | string, type = 'application/pdf'): void {
  const url = URL.createObjectURL(new Blob([typeof content === 'string' ? content : content.slice()], { type }));
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
