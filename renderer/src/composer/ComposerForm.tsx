// The composer's fields and their state. Starts from the person's default model and provider.
import { Send } from 'lucide-react';
import { useId, useRef, useState } from 'react';
import { maxJobsPerSubmit, type AppSettings } from '../../../shared/ipc/contract.js';
import type { ReasoningEffort } from '../../../shared/job.js';
import type { ModelInfo } from '../../../shared/models.js';
import type { ProviderConfig } from '../../../shared/provider.js';
import { useSubmitJobs } from '../data/use-job-actions.js';
import { askNotificationPermission } from '../notifications/browser-notifications.js';
import { ErrorNote } from '../ui/ErrorNote.js';
import { Icon } from '../ui/Icon.js';
import { PaneHeading } from '../ui/PaneHeading.js';
import { composerTools, estimateEachJob, maxOutputProblem, splitPrompts } from './composer-jobs.js';
import { CompareModelsField } from './CompareModelsField.js';
import { FlexField, atChosenTier } from './FlexField.js';
import { comparedOptions, composeComparison } from './composer-comparison.js';
import { checkBudget, noBudget } from '../../../shared/budget.js';
import { useBudget } from '../data/use-app-data.js';
import { ConfirmDialog } from '../ui/ConfirmDialog.js';
import { BudgetLine } from './BudgetLine.js';
import { AttachmentsField } from './AttachmentsField.js';
import { useFileDrop } from './use-file-drop.js';
import { attachmentsProblem, useComposerAttachments } from './use-composer-attachments.js';
import { CostEstimate } from './CostEstimate.js';
import { TemplateBar, type AppliedTemplate } from './TemplateBar.js';
import { clearDraft, readDraft, writeDraft } from './draft.js';
import { ModelPicker } from './ModelPicker.js';
import { isSubmitShortcut } from './submit-shortcut.js';
import { ProviderField } from '../ui/ProviderField.js';
import { EffortField } from '../ui/EffortField.js';
import { useFocusNextFrame } from '../ui/use-focus-next-frame.js';

interface Props {
  settings: AppSettings;
  models: readonly ModelInfo[];
  providers: readonly ProviderConfig[];
  onSubmitted: (ids: string[]) => void;
  onClose: () => void;
}

export function ComposerForm({ settings, models, providers, onSubmitted, onClose }: Props) {
  // The unsent prompt survives Escape and a reload (draft.ts); a submit clears it.
  const [initialDraft] = useState(readDraft);
  // The prompt takes the focus as the composer opens (see use-focus-next-frame.ts).
  const promptRef = useRef<HTMLTextAreaElement>(null);
  useFocusNextFrame(promptRef, 'opened');
  const [prompt, setPrompt] = useState(initialDraft?.prompt ?? '');
  const [split, setSplit] = useState(initialDraft?.split ?? false);
  const [draftKept, setDraftKept] = useState(initialDraft !== undefined);
  const [copiesText, setCopiesText] = useState('1');
  const [modelId, setModelId] = useState(settings.defaultModel);
  const [providerId, setProviderId] = useState(settings.defaultProviderId);
  const [chosenEffort, setChosenEffort] = useState<ReasoningEffort | null>(null);
  const [summary, setSummary] = useState(true);
  const [maxOutputText, setMaxOutputText] = useState('');
  const [instructions, setInstructions] = useState(settings.defaultInstructions);
  const [chosenTools, setChosenTools] = useState({ webSearch: false, codeInterpreter: false });
  const [compareWith, setCompareWith] = useState<string[]>([]);
  const [flex, setFlex] = useState(false);
  const [askingBudget, setAskingBudget] = useState(false);
  const files = useComposerAttachments();
  // A drop anywhere on the form attaches; the outline shows where a drop lands.
  const { dropping, handlers: dropHandlers } = useFileDrop(files.add);
  const submit = useSubmitJobs();
  const budget = useBudget();
  const ids = {
    prompt: useId(),
    draft: useId(),
    promptHint: useId(),
    copies: useId(),
    effort: useId(),
    maxOutput: useId(),
    instructions: useId(),
    provider: useId(),
    toolsHint: useId(),
  };

  const model = models.find((candidate) => candidate.id === modelId);
  const efforts = model?.efforts ?? [];
  // Only efforts the model accepts: a choice made for another model falls back to this one's default.
  const effort =
    chosenEffort !== null && efforts.includes(chosenEffort)
      ? chosenEffort
      : (model?.defaultEffort ?? null);
  const reasoning = model?.reasoning ?? true;
  const tools = composerTools(model, chosenTools);
  const copies = Math.max(1, Math.floor(Number(copiesText)) || 1);
  const prompts = splitPrompts(prompt, split);
  const maxOutputError = maxOutputProblem(maxOutputText, model);
  const maxOutputTokens =
    maxOutputText.trim() === '' || maxOutputError ? undefined : Number(maxOutputText);
  // Blank instructions are none.
  const sentInstructions = instructions.trim() === '' ? undefined : instructions;
  // The models compared with the chosen one: never the chosen one itself.
  const compared = models.filter(
    (candidate) => candidate.id !== modelId && compareWith.includes(candidate.id),
  );
  const jobCount = prompts.length * copies * (1 + compared.length);
  const tooMany = jobCount > maxJobsPerSubmit;
  const canSubmit =
    jobCount > 0 &&
    !tooMany &&
    maxOutputError === null &&
    !files.storing &&
    attachmentsProblem(files.attached) === null &&
    modelId.trim() !== '' &&
    !submit.isPending;

  // Each job's estimate, held to the per-job cap; their sum, to what is left of the month.
  const budgetLimits = budget.data ?? noBudget;
  const budgetCheck = checkBudget(
    budgetLimits,
    budget.data?.spentThisMonthUsd ?? 0,
    estimateEachJob(
      prompts,
      copies,
      [model, ...compared].map((m) => atChosenTier(m, flex)),
      maxOutputTokens,
      sentInstructions,
    ),
  );

  const applyTemplate = ({
    template,
    prompt: filled,
    instructions: filledInstructions,
  }: AppliedTemplate) => {
    const [first = modelId, ...others] = template.models;
    setPrompt(filled);
    setDraftKept(writeDraft({ prompt: filled, split }));
    setInstructions(filledInstructions ?? '');
    setModelId(first);
    setCompareWith(others);
    setChosenEffort(template.effort ?? null);
    setFlex(template.serviceTier === 'flex');
    setChosenTools({
      webSearch: template.tools?.webSearch ?? false,
      codeInterpreter: template.tools?.codeInterpreter ?? false,
    });
    files.replace(template.attachments ?? []);
  };

  // Past a budget, submit asks first (the dialog's Submit anyway sends).
  const send = () => {
    if (!canSubmit) return;
    if (budgetCheck.sentence !== null) setAskingBudget(true);
    else sendNow();
  };

  const sendNow = () => {
    setAskingBudget(false);
    if (settings.notifications) askNotificationPermission();
    const first = {
      model: modelId.trim(),
      providerId,
      effort: reasoning ? effort : null,
      reasoningSummary: reasoning && summary,
      maxOutputTokens,
      tools: tools.tools,
      instructions: sentInstructions,
      flex,
      attachments: files.attached,
    };
    const perModel = comparedOptions(first, compared, chosenEffort ?? effort, chosenTools);
    const jobs = composeComparison(prompts, copies, perModel, () => crypto.randomUUID());
    submit.mutate(jobs, {
      onSuccess: (result) => {
        setPrompt('');
        files.replace([]);
        clearDraft();
        setDraftKept(false);
        onSubmitted(result.jobs.map((job) => job.id));
      },
    });
  };

  return (
    <form
      className={dropping ? 'composer is-dropping' : 'composer'}
      aria-labelledby={`${ids.prompt}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
      {...dropHandlers}
    >
      <PaneHeading
        titleId={`${ids.prompt}-title`}
        closeLabel="Close the composer"
        onClose={onClose}
      >
        New job
      </PaneHeading>

      <TemplateBar
        current={{
          prompt,
          instructions: sentInstructions,
          models: [modelId.trim() || settings.defaultModel, ...compared.map((other) => other.id)],
          ...(chosenEffort !== null && { effort: chosenEffort }),
          ...(tools.tools !== undefined && { tools: tools.tools }),
          ...(flex && { serviceTier: 'flex' as const }),
          ...(files.attached.length > 0 && { attachments: files.attached }),
        }}
        onUse={applyTemplate}
      />

      <div className="field">
        <label htmlFor={ids.prompt}>Prompt</label>
        <textarea
          id={ids.prompt}
          className="composer__prompt"
          rows={10}
          ref={promptRef}
          value={prompt}
          aria-describedby={`${ids.promptHint} ${ids.draft}`}
          onChange={(event) => {
            setPrompt(event.target.value);
            setDraftKept(writeDraft({ prompt: event.target.value, split }));
          }}
          onKeyDown={(event) => {
            if (isSubmitShortcut(event)) {
              event.preventDefault();
              send();
            }
          }}
        />
        <p id={ids.promptHint} className="field__hint">
          Ctrl+Enter (⌘+Enter on a Mac) submits.
        </p>
      </div>

      <AttachmentsField files={files} />

      <details className="composer__instructions" open={settings.defaultInstructions !== ''}>
        <summary>
          Instructions{sentInstructions !== undefined && <span className="muted"> (set)</span>}
        </summary>
        <div className="field">
          <label htmlFor={ids.instructions}>Instructions for the model</label>
          <textarea
            id={ids.instructions}
            rows={3}
            value={instructions}
            placeholder="None: the model gets only the prompt."
            aria-describedby={`${ids.instructions}-hint`}
            onChange={(event) => setInstructions(event.target.value)}
          />
          <p id={`${ids.instructions}-hint`} className="field__hint">
            A system prompt, sent with every job of this submit and kept for its follow-ups. The
            default is in Settings.
          </p>
        </div>
      </details>

      <div className="field-row">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={split}
            onChange={(event) => {
              setSplit(event.target.checked);
              setDraftKept(writeDraft({ prompt, split: event.target.checked }));
            }}
          />
          Several prompts: one per part, parts separated by a line with <code>---</code>
        </label>
        <div className="field field--narrow">
          <label htmlFor={ids.copies}>Copies of each</label>
          <input
            id={ids.copies}
            type="number"
            min={1}
            max={maxJobsPerSubmit}
            value={copiesText}
            onChange={(event) => setCopiesText(event.target.value)}
          />
        </div>
      </div>

      <ModelPicker models={models} value={modelId} onChange={setModelId} />
      <CompareModelsField
        models={models.filter((candidate) => candidate.id !== modelId)}
        chosen={compareWith}
        onChange={setCompareWith}
      />

      <div className="field-row">
        <EffortField
          id={ids.effort}
          efforts={reasoning ? efforts : []}
          effort={effort}
          onChange={setChosenEffort}
        />
        <div className="field">
          <label htmlFor={ids.maxOutput}>Max output tokens</label>
          <input
            id={ids.maxOutput}
            type="number"
            min={16}
            step={1}
            value={maxOutputText}
            placeholder={
              model?.maxOutputTokens ? `up to ${model.maxOutputTokens}` : 'model maximum'
            }
            aria-invalid={maxOutputError !== null}
            onChange={(event) => setMaxOutputText(event.target.value)}
          />
          {maxOutputError && <p className="field__error">{maxOutputError}</p>}
        </div>
        {providers.length > 1 && (
          <ProviderField
            id={ids.provider}
            providers={providers}
            value={providerId}
            onChange={setProviderId}
          />
        )}
      </div>
      {reasoning && (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={summary}
            onChange={(event) => setSummary(event.target.checked)}
          />
          Reasoning summary (the model summarizes its thinking as it goes)
        </label>
      )}
      <FlexField model={model} checked={flex} onChange={setFlex} />

      {(tools.offers.webSearch || tools.offers.codeInterpreter) && (
        <fieldset className="field composer__tools" aria-describedby={ids.toolsHint}>
          <legend>Tools</legend>
          {tools.offers.webSearch && (
            <label className="checkbox">
              <input
                type="checkbox"
                checked={tools.shown.webSearch}
                disabled={tools.webSearchRequired}
                onChange={(event) =>
                  setChosenTools({ ...chosenTools, webSearch: event.target.checked })
                }
              />
              Web search (the model may search the web and cite what it read)
            </label>
          )}
          {tools.offers.codeInterpreter && (
            <label className="checkbox">
              <input
                type="checkbox"
                checked={tools.shown.codeInterpreter}
                onChange={(event) =>
                  setChosenTools({ ...chosenTools, codeInterpreter: event.target.checked })
                }
              />
              Code interpreter (the model may run Python in a sandbox)
            </label>
          )}
          <p id={ids.toolsHint} className="field__hint">
            {tools.webSearchRequired
              ? `${model?.label ?? 'This model'} needs a data source to research, so web search stays on.`
              : 'Tool calls are billed on top of tokens.'}
          </p>
        </fieldset>
      )}

      <CostEstimate range={budgetCheck.total} jobCount={jobCount} />
      <BudgetLine limits={budgetLimits} check={budgetCheck} />
      <ConfirmDialog
        open={askingBudget}
        title="Over budget"
        confirmLabel={jobCount > 1 ? `Submit ${jobCount} jobs anyway` : 'Submit anyway'}
        cancelLabel="Don’t submit"
        onConfirm={sendNow}
        onCancel={() => setAskingBudget(false)}
      >
        <p>{budgetCheck.sentence}</p>
        <p className="muted">The budget is in Settings.</p>
      </ConfirmDialog>
      {/* Sticky: Submit stays in view however long the form is and however small the window. */}
      <div className="composer__footer">
        {tooMany && (
          <p className="field__error" role="alert">
            That is {jobCount} jobs; one submit takes at most {maxJobsPerSubmit}.
          </p>
        )}
        <ErrorNote error={submit.error} prefix="Nothing was submitted." />
        <div className="composer__actions">
          <button type="submit" className="button button--primary" disabled={!canSubmit}>
            <Icon of={Send} /> {jobCount > 1 ? `Submit ${jobCount} jobs` : 'Submit'}
          </button>
          <span id={ids.draft} className="composer__draft" aria-live="polite">
            {draftKept && prompt !== '' ? 'Draft kept' : ''}
          </span>
        </div>
      </div>
    </form>
  );
}
