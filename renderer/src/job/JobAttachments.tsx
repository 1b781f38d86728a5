// The files and images a job was sent with, from Mull's own store: image thumbnails, file names
// and sizes; a click saves a copy. Shown offline, and after the server's copy has expired.
import { FileText } from 'lucide-react';
import type { JobAttachment } from '../../../shared/job-attachments.js';
import { formatFileSize } from '../../../shared/file-size.js';
import { useApi } from '../data/api-context.js';
import { Icon } from '../ui/Icon.js';
import { downloadBlob } from './download-file.js';
import { useAttachmentUrl } from './use-attachment-url.js';

function Thumbnail({ attachment }: { attachment: JobAttachment }) {
  const image = useAttachmentUrl(attachment.sha256);
  if ('url' in image) {
    return <img className="job-attachment__thumb" src={image.url} alt={attachment.name} />;
  }
  if ('error' in image) return <span className="field__error">{image.error}</span>;
  return <span className="job-attachment__thumb is-loading" aria-hidden="true" />;
}

export function JobAttachments({ attachments }: { attachments: readonly JobAttachment[] }) {
  const api = useApi();
  if (attachments.length === 0) return null;
  const save = (attachment: JobAttachment) =>
    void api.readAttachment(attachment.sha256).then((blob) => downloadBlob(blob, attachment.name));
  return (
    <>
      <h4 className="prompt-label">Files and images</h4>
      <ul className="job-attachments" aria-label="Files and images">
        {attachments.map((attachment) => (
          <li key={attachment.sha256} className="job-attachment">
            {attachment.kind === 'image' ? (
              <Thumbnail attachment={attachment} />
            ) : (
              <Icon of={FileText} />
            )}
            <button
              type="button"
              className="link-button"
              title="Save a copy"
              onClick={() => save(attachment)}
            >
              {attachment.name}
            </button>
            <span className="muted">{formatFileSize(attachment.size)}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
