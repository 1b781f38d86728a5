// What a failed upload (POST /files) means for its job. An upload starts no paid job, so unlike a
// create it may always be tried again: a connection failure or a refusal for now (HTTP 408, 409,
// 429, 5xx) leaves the job pending for the create's usual backoff, a missing or refused key pauses
// it, and any other refusal (HTTP 400, 403, 404, 413...) fails it with one sentence naming the
// file, before any create is sent.
import { APIError } from 'openai';
import { classifyFailure, serverSays, type ProviderFailure } from './failure.js';

export type UploadFailure = Extract<
  ProviderFailure,
  { kind: 'transient' | 'not_sent' | 'needs_key' | 'permanent' }
>;

export function classifyUploadFailure(thrown: unknown, fileName: string): UploadFailure {
  // Classified as a read (poll): a connection failure is transient, never "ambiguous".
  const failure = classifyFailure(thrown, 'poll');
  const status = thrown instanceof APIError ? (thrown as APIError).status : undefined;
  switch (failure.kind) {
    case 'needs_key':
      return failure;
    case 'transient':
      return status === undefined
        ? { kind: 'not_sent', reason: `uploading "${fileName}": ${failure.reason}` }
        : { ...failure, reason: `uploading "${fileName}": ${failure.reason}` };
    case 'permanent':
      // Out of credit is about the account, not the file: its own sentence says what to do.
      if (failure.code === 'insufficient_quota') return failure;
      break;
    default:
      break;
  }
  const error = thrown instanceof APIError ? (thrown as APIError) : undefined;
  const says = error ? serverSays(error) : String(thrown);
  return {
    kind: 'permanent',
    code: 'upload_refused',
    message: `The provider refused the upload of "${fileName}" (HTTP ${status ?? '?'}): ${says}`,
  };
}
