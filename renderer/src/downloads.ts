import type { DocumentFile } from '../../shared/api';
import type { ProcedureFile } from '../../shared/schemas/procedures';

/** Hands a file to the browser's save flow (a download in both Electron and browser mode). */
function saveFile(contents: BlobPart, mimeType: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([contents], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Hands a generated PDF to the browser's save flow. */
export function saveDocument(file: DocumentFile): void {
  saveFile(
    Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0)),
    file.mimeType,
    file.fileName,
  );
}

/** Hands a procedure file to the browser's save flow. */
export function saveProcedureFile(file: ProcedureFile): void {
  saveFile(file.text, file.mimeType, file.fileName);
}
