// Continues a completed job's conversation (the provider keeps the context), with the same model
// and effort or others: a follow-up may ask a stronger model, or think harder.
import { Reply } from 'lucide-react';
import { useId, useState } from 'react';
import type { Job, ReasoningEffort } from '../../../shared/job.js';
import type { ModelInfo } from '../../../shared/models.js';
import { useModels } from '../data/use-app-data.js';
import { useFollowUp } from '../data/use-job-actions.js';
import { ErrorNote } from '../ui/ErrorNote.js';
import { Icon } from '../ui/Icon.js';
import { isSubmitShortcut } from '../composer/submit-shortcut.js';
import { EffortField } from '../ui/EffortField.js';

/** The effort a follow-up sends: the one chosen if the model takes it, else the job's, else the model's default. */
export function followUpEffort(
  model: ModelInfo | undefined,
  chosen: ReasoningEffort | null,
  jobEffort: ReasoningEffort | null,
): ReasoningEffort | null {
  if (!model) return chosen ?? jobEffort;
  if (!model.reasoning || model.efforts.length === 0) return null;
  if (chosen !== null && model.efforts.includes(chosen)) return chosen;
  if (jobEffort !== null && model.efforts.includes(jobEffort)) return jobEffort;
  return model.defaultEffort ?? model.efforts[0] ?? null;
}

export function FollowUpForm({ job, onOpen }: { job: Job; onOpen: (id: string) => void }) {
  const [prompt, setPrompt] = useState('');
  const [modelId, setModelId] = useState(job.model);
  const [chosenEffort, setChosenEffort] = useState<ReasoningEffort | null>(null);
  const followUp = useFollowUp();
  const models = useModels().data ?? [];
  const fieldId = useId();
  const modelFieldId = useId();
  const effortFieldId = useId();

  const model = models.find((candidate) => candidate.id === modelId);
  const effort = followUpEffort(model, chosenEffort, job.effort);
  const efforts = model ? (model.reasoning ? model.efforts : []) : job.effort ? [job.effort] : [];
  // The job's own model stays choosable even when the catalog does not know it (a deployment).
  const choices = models.some((candidate) => candidate.id === job.model)
    ? models.map((candidate) => ({ id: candidate.id, label: candidate.label }))
    : [{ id: job.model, label: job.model }, ...models.map((m) => ({ id: m.id, label: m.label }))];

  const send = () => {
    if (prompt.trim() === '' || followUp.isPending) return;
    followUp.mutate(
      {
        id: job.id,
        prompt,
        ...(modelId !== job.model && { model: modelId }),
        ...(effort !== null && effort !== job.effort && { effort }),
      },
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
      aria-label="Follow-up"
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
        placeholder="The conversation goes on where it left off; Ctrl+Enter sends."
      />
      <div className="follow-up__options">
        <div className="field">
          <label htmlFor={modelFieldId}>Model</label>
          <select
            id={modelFieldId}
            value={modelId}
            onChange={(event) => setModelId(event.target.value)}
          >
            {choices.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.label}
              </option>
            ))}
          </select>
        </div>
        <EffortField
          id={effortFieldId}
          efforts={efforts}
          effort={effort}
          onChange={setChosenEffort}
        />
      </div>
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
