// Attachment bytes over the loopback web host, beside the contract (node/web-host/
// attachment-route.ts): a file goes as the raw body of `POST /api/attachments?name=...` (the File
// itself, streamed: a 50 MB PDF is never base64 in JSON), its bytes come back from
// `GET /api/attachments/<sha256>` as a Blob typed by the host. Token as on every request.
import { ContractError, unwrap, type MullApi } from '../../../shared/ipc/envelope.js';
import { JobAttachment } from '../../../shared/job-attachments.js';
import { hostFetch, settledOf } from './host-fetch.js';

export function webAttachments(
  base: string,
  auth: Record<string, string>,
): Pick<MullApi, 'storeAttachment' | 'readAttachment'> {
  return {
    async storeAttachment(file) {
      const response = await hostFetch(
        `${base}/api/attachments?name=${encodeURIComponent(file.name)}`,
        {
          method: 'POST',
          headers: { ...auth, 'Content-Type': 'application/octet-stream' },
          body: file,
        },
      );
      return JobAttachment.parse(unwrap(await settledOf(response)));
    },
    async readAttachment(sha256) {
      const response = await hostFetch(`${base}/api/attachments/${encodeURIComponent(sha256)}`, {
        headers: auth,
        cache: 'no-store',
      });
      if (response.ok) return await response.blob();
      unwrap(await settledOf(response)); // a refusal's envelope: throws its ContractError
      throw new ContractError('INTERNAL', `Mull answered with HTTP ${response.status}.`);
    },
  };
}
