// Saving a file the API sent (a PDF, an export) through the browser's download.

/** A file sent as base64, saved under its name. */
export function downloadBase64(fileName: string, mimeType: string, base64: string): void {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Bytes as base64, converted in slices (a large file has millions of bytes). */
function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** Text (a CSV made here) saved under its name. */
export function downloadText(fileName: string, mimeType: string, text: string): void {
  downloadBase64(fileName, mimeType, toBase64(new TextEncoder().encode(text)));
}

/** A file the merchant picked, as base64 for the API. */
export async function fileToBase64(file: File): Promise<string> {
  return toBase64(new Uint8Array(await file.arrayBuffer()));
}
