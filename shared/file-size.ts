// A file's size for people: in MB as the attachment limits are (1 MB = 1024 x 1024 bytes), small
// files in KB or bytes. The CLI's check and the app's attachment lists say sizes the same way.
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes.toLocaleString('en-US')} ${bytes === 1 ? 'byte' : 'bytes'}`;
}
