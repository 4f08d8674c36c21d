// A file's name as the merchant gave it is shown and offered back on download — it never becomes
// a path. Names that are paths, that Windows reserves for devices, or that hold characters a file
// system refuses are turned away with a reason.

const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$/i;

/** Why a file name is refused, or null when it is fine. */
export function fileNameProblem(name: string): string | null {
  if (!name.trim()) return 'is required';
  if (name.length > 200) return 'at most 200 characters';
  if (/[/\\]/.test(name)) return 'must be a file name, not a path';
  if (name === '.' || name === '..' || /^\.+$/.test(name)) return 'must be a file name, not a path';
  if (/[\u0000-\u001f\u007f<>:"|?*]/.test(name)) return 'must not contain control characters or < > : " | ? *';
  if (RESERVED.test(name.trim())) return `“${name}” is a name Windows reserves for a device`;
  if (/[. ]$/.test(name)) return 'must not end with a dot or a space';
  return null;
}
