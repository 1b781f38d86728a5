// One prompt to several models at once: the composer's options for each model compared, and the
// jobs they make, grouped per prompt so each prompt's answers can be seen side by side.
import type { NewJob, ReasoningEffort } from '../../../shared/job.js';
import type { ModelInfo } from '../../../shared/models.js';
import {
  composeJobs,
  composerTools,
  type ComposerOptions,
  type ToolChoice,
} from './composer-jobs.js';

/** The effort asked for when the model takes it, else the model's own default. */
export function effortFor(model: ModelInfo | undefined, chosen: ReasoningEffort | null) {
  if (!model) return chosen;
  if (!model.reasoning) return null;
  return chosen !== null && model.efforts.includes(chosen) ? chosen : model.defaultEffort;
}

/**
 * The options of each model compared with the composer's own (which come first): the same
 * prompt, instructions and limits, each model's nearest effort and the ticked tools it takes.
 */
export function comparedOptions(
  first: ComposerOptions,
  compared: readonly ModelInfo[],
  chosenEffort: ReasoningEffort | null,
  chosenTools: ToolChoice,
): ComposerOptions[] {
  return [
    first,
    ...compared.map((model) => ({
      ...first,
      model: model.id,
      effort: effortFor(model, chosenEffort),
      reasoningSummary: first.reasoningSummary && model.reasoning,
      tools: composerTools(model, chosenTools).tools,
    })),
  ];
}

/** The jobs of a submit: with more than one model, each prompt's jobs share a new group id. */
export function composeComparison(
  prompts: readonly string[],
  copies: number,
  perModel: readonly ComposerOptions[],
  newGroupId: () => string,
): NewJob[] {
  const [only] = perModel;
  if (perModel.length === 1 && only) return composeJobs(prompts, copies, only);
  return prompts.flatMap((prompt) => {
    const groupId = newGroupId();
    return perModel.flatMap((options) =>
      composeJobs([prompt], copies, options).map((job) => ({ ...job, groupId })),
    );
  });
}
