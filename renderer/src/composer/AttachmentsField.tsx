// Files and images for the submit: "Choose files…", or drop them anywhere on the composer, or
// paste them into the prompt (see use-file-drop.ts). Each is listed with its size once stored, or
// with why Mull refuses it.
import { Paperclip, X } from 'lucide-react';
import { useId, useRef } from 'react';
import { formatFileSize } from '../../../shared/file-size.js';
import { Icon } from '../ui/Icon.js';
import { attachmentsProblem, type ComposerAttachments } from './use-composer-attachments.js';

/** What the inputs accept: the types detect-type.ts knows (it decides from the bytes anyway). */
const accepted =
  'application/pdf,text/*,.md,.csv,.json,.ts,.tsx,.js,.py,.rs,.go,.java,.c,.h,.cpp,image/png,image/jpeg,image/webp,image/gif';

export function AttachmentsField({ files }: { files: ComposerAttachments }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const problem = attachmentsProblem(files.attached);
  return (
    <section className="field composer__attachments" aria-labelledby={id}>
      <div className="composer__attachments-head">
        <h3 id={id}>Files and images</h3>
        <button type="button" className="button" onClick={() => inputRef.current?.click()}>
          <Icon of={Paperclip} /> Choose files…
        </button>
        <input
          ref={inputRef}
          type="file"
          multiple
          accept={accepted}
          hidden
          aria-label="Attach files"
          onChange={(event) => {
            if (event.target.files) files.add(event.target.files);
            event.target.value = ''; // the same file can be chosen again after removing it
          }}
        />
      </div>
      {files.entries.length === 0 ? (
        <p className="field__hint">
          PDF, text, Markdown, code, CSV or PNG, JPEG, WebP, GIF: drop them on the composer or paste
          them into the prompt. They are kept with the job and sent with it, not with follow-ups.
        </p>
      ) : (
        <ul className="attachment-list" aria-label="Attached files">
          {files.entries.map((entry) => (
            <li key={entry.key} className={`attachment-list__item is-${entry.state}`}>
              <span className="attachment-list__name">{entry.name}</span>
              <span className="muted">
                {entry.state === 'storing' && 'storing…'}
                {entry.state === 'stored' && formatFileSize(entry.attachment.size)}
              </span>
              {entry.state === 'refused' && (
                <span className="field__error" role="alert">
                  {entry.reason}
                </span>
              )}
              <button
                type="button"
                className="button button--icon"
                onClick={() => files.remove(entry.key)}
                title="Remove"
              >
                <Icon of={X} />
                <span className="visually-hidden">Remove {entry.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {problem && <p className="field__error">{problem}</p>}
    </section>
  );
}
