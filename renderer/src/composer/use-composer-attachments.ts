// The files and images of the submit being written: each one picked, dropped or pasted is stored
// at once in the data directory's attachment store (by its sha256), so what the person sees listed
// is already kept; a file Mull refuses stays listed with the sentence that says why.
import { useCallback, useRef, useState } from 'react';
import { maxAttachmentsPerJob, type JobAttachment } from '../../../shared/job-attachments.js';
import { useApi } from '../data/api-context.js';
import { errorMessage } from '../format/error-message.js';

export type ComposerAttachment =
  | { key: number; name: string; state: 'storing' }
  | { key: number; name: string; state: 'stored'; attachment: JobAttachment }
  | { key: number; name: string; state: 'refused'; reason: string };

export interface ComposerAttachments {
  entries: readonly ComposerAttachment[];
  /** What the jobs carry: each stored file once. */
  attached: JobAttachment[];
  storing: boolean;
  add: (files: Iterable<File>) => void;
  remove: (key: number) => void;
  /** Replaces the list with files already in the store (a template's). */
  replace: (attachments: readonly JobAttachment[]) => void;
}

export function useComposerAttachments(): ComposerAttachments {
  const api = useApi();
  const [entries, setEntries] = useState<ComposerAttachment[]>([]);
  const nextKey = useRef(0);
  const settle = (key: number, entry: ComposerAttachment) =>
    setEntries((current) => current.map((e) => (e.key === key ? entry : e)));

  const add = useCallback(
    (files: Iterable<File>) => {
      for (const picked of files) {
        const key = nextKey.current++;
        const file = named(picked, key);
        const name = file.name;
        setEntries((current) => [...current, { key, name, state: 'storing' }]);
        api.storeAttachment(file).then(
          (attachment) => settle(key, { key, name, state: 'stored', attachment }),
          (error: unknown) =>
            settle(key, { key, name, state: 'refused', reason: errorMessage(error) }),
        );
      }
    },
    [api],
  );

  const attached = uniqueStored(entries);
  return {
    entries,
    attached,
    storing: entries.some((entry) => entry.state === 'storing'),
    add,
    remove: (key) => setEntries((current) => current.filter((entry) => entry.key !== key)),
    replace: (attachments) =>
      setEntries(
        attachments.map((attachment) => ({
          key: nextKey.current++,
          name: attachment.name,
          state: 'stored',
          attachment,
        })),
      ),
  };
}

function uniqueStored(entries: readonly ComposerAttachment[]): JobAttachment[] {
  const seen = new Set<string>();
  const list: JobAttachment[] = [];
  for (const entry of entries) {
    if (entry.state !== 'stored' || seen.has(entry.attachment.sha256)) continue;
    seen.add(entry.attachment.sha256);
    list.push(entry.attachment);
  }
  return list;
}

/** Why the list cannot go as it is, or null. */
export function attachmentsProblem(attached: readonly JobAttachment[]): string | null {
  return attached.length > maxAttachmentsPerJob
    ? `A job carries at most ${maxAttachmentsPerJob} files; remove ${attached.length - maxAttachmentsPerJob}.`
    : null;
}

/** A pasted screenshot can come without a name: it gets one from its type ("pasted-1.png"). */
function named(file: File, key: number): File {
  if (file.name !== '') return file;
  const extension = file.type.startsWith('image/') ? `.${file.type.slice(6)}` : '';
  return new File([file], `pasted-${key + 1}${extension}`, { type: file.type });
}
