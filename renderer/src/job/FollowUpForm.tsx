// Continues a completed job's conversation (the provider keeps the context).
import { Reply } from 'lucide-react';
import { useId, useState } from 'react';
import type { Job } from '../../../shared/job.js';
import { useFollowUp } from '../data/use-job-actions.js';
import { ErrorNote } from '../ui/ErrorNote.js';
import { Icon } from '../ui/Icon.js';
import { isSubmitShortcut } from '../composer/submit-shortcut.js';

export function FollowUpForm({ job, onOpen }: { job: Job; onOpen: (id: string) => void }) {
  const [prompt, setPrompt] = useState('');
  const followUp = useFollowUp();
  const fieldId = useId();
  const send = () => {
    if (prompt.trim() === '') return;
    followUp.mutate(
      { id: job.id, prompt },
      {
        onSuccess: (next) => {
          setPrompt('');
          onOpen(next.id);
        },
      },
    );
  };
  return (
    <form
      className="follow-up"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <label htmlFor={fieldId}>Ask a follow-up question</label>
      <textarea
        id={fieldId}
        rows={3}
        value={prompt}
        onChange={(event) => setPrompt(event.target.value)}
        onKeyDown={(event) => {
          if (isSubmitShortcut(event)) {
            event.preventDefault();
            send();
          }
        }}
        placeholder="Same model and settings; Ctrl+Enter sends."
      />
      <ErrorNote error={followUp.error} prefix="The follow-up could not be sent." />
      <button
        type="submit"
        className="button button--primary"
        disabled={followUp.isPending || prompt.trim() === ''}
      >
        <Icon of={Reply} /> Send follow-up
      </button>
    </form>
  );
}
