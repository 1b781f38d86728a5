// The attachment store's public face (see attachment-store.ts).
export { AttachmentRefused } from './attachment-refused.js';
export {
  AttachmentStore,
  attachmentsDirOf,
  sha256Of,
  shownAttachmentName,
  type AttachmentReader,
} from './attachment-store.js';
export { checkAttachmentList } from './attachment-list.js';
export {
  checkAttachmentIntegrity,
  describeAttachmentProblem,
  type AttachmentProblem,
} from './attachment-integrity.js';
export * from './attachment-limits.js';
export { detectType } from './detect-type.js';
export { attachmentInput } from './attachment-input.js';
export {
  attachmentsToUpload,
  planAttachments,
  type AttachmentRoute,
  type PlannedAttachment,
} from './attachment-plan.js';
