// A file Mull will not attach, with the one sentence that says why (shown as is by the CLI and app).
export class AttachmentRefused extends Error {
  override readonly name = 'AttachmentRefused';
}
