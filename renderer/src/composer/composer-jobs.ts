// From what the composer holds to the jobs it submits: one prompt or several (split at lines that
// hold only ---), each N times, with the chosen model and options; and what they may cost.
import type { CostRange } from '../../../shared/cost.js';
import { estimateJobCost } from '../../../shared/job-estimate.js';
import type { NewJob, ReasoningEffort } from '../../../shared/job.js';
import type { JobToolsInput } from '../../../shared/job-tools.js';
import type { JobAttachment } from '../../../shared/job-attachments.js';
import { findModel, type ModelInfo } from '../../../shared/models.js';
import { supportsFlex } from '../../../shared/tier-price.js';

export interface ComposerOptions {
  model: string;
  providerId: string;
  effort: ReasoningEffort | null;
  reasoningSummary: boolean;
  maxOutputTokens: number | undefined;
  /** The tools ticked in the composer's Tools group (see composerTools); absent: none. */
  tools?: JobToolsInput;
  /** Instructions (a system prompt) for every job of the submit; absent: none. */
  instructions?: string;
  /** Flex processing asked (FlexField.tsx); sent only for models that take it. */
  flex?: boolean;
  /** Files and images already in the attachment store, sent with every job of the submit. */
  attachments?: JobAttachment[];
}

/** What the composer's Tools group ticks. */
export interface ToolChoice {
  webSearch: boolean;
  codeInterpreter: boolean;
}

export interface ComposerTools {
  /** Which checkboxes to show: only the tools the model takes (none for an unknown model). */
  offers: { webSearch: boolean; codeInterpreter: boolean };
  /** Web search is on and cannot be turned off: the model needs a data source (deep research). */
  webSearchRequired: boolean;
  /** What the checkboxes show. */
  shown: ToolChoice;
  /** The tools to send; undefined: none. */
  tools: JobToolsInput | undefined;
}

/** The Tools group for a model, given what the person ticked. */
export function composerTools(model: ModelInfo | undefined, chosen: ToolChoice): ComposerTools {
  const offers = {
    webSearch: model?.tools.includes('web_search') ?? false,
    codeInterpreter: model?.tools.includes('code_interpreter') ?? false,
  };
  const webSearchRequired = offers.webSearch && (model?.needsDataSourceTool ?? false);
  const shown = {
    webSearch: offers.webSearch && (webSearchRequired || chosen.webSearch),
    codeInterpreter: offers.codeInterpreter && chosen.codeInterpreter,
  };
  const tools: JobToolsInput = {
    ...(shown.webSearch && { webSearch: true }),
    ...(shown.codeInterpreter && { codeInterpreter: true }),
  };
  return {
    offers,
    webSearchRequired,
    shown,
    tools: Object.keys(tools).length > 0 ? tools : undefined,
  };
}

const separatorLine = /^[ \t]*---[ \t]*$/mu;

/** The prompts in a text: split at `---` lines when asked, blank ones dropped. */
export function splitPrompts(text: string, split: boolean): string[] {
  const pieces = split ? text.split(separatorLine) : [text];
  return pieces.map((piece) => piece.trim()).filter((piece) => piece !== '');
}

export function composeJobs(
  prompts: readonly string[],
  copies: number,
  options: ComposerOptions,
): NewJob[] {
  const jobs: NewJob[] = [];
  for (const prompt of prompts) {
    for (let copy = 0; copy < copies; copy += 1) {
      jobs.push({
        prompt,
        model: options.model,
        providerId: options.providerId,
        ...(options.effort !== null && { effort: options.effort }),
        ...(options.reasoningSummary && { reasoningSummary: 'auto' as const }),
        ...(options.maxOutputTokens !== undefined && { maxOutputTokens: options.maxOutputTokens }),
        ...(options.tools !== undefined && { tools: options.tools }),
        ...(options.instructions !== undefined && { instructions: options.instructions }),
        ...(options.attachments !== undefined &&
          options.attachments.length > 0 && { attachments: options.attachments }),
        ...(options.flex === true &&
          supportsFlex(findModel(options.model)) && { serviceTier: 'flex' as const }),
      });
    }
  }
  return jobs;
}

/** The cost of all the jobs of one model (the sum of estimateEachJob), or null without a model. */
export function estimateJobsCost(
  prompts: readonly string[],
  copies: number,
  model: ModelInfo | undefined,
  maxOutputTokens: number | undefined,
  instructions?: string,
): CostRange | null {
  const each = estimateEachJob(prompts, copies, [model], maxOutputTokens, instructions);
  if (each === null) return null;
  return {
    low: each.reduce((sum, range) => sum + range.low, 0),
    high: each.reduce((sum, range) => sum + range.high, 0),
  };
}

/**
 * Each job's likely cost (every prompt, copy and model), for the estimate and the budget check,
 * or null when one model's price is unknown.
 */
export function estimateEachJob(
  prompts: readonly string[],
  copies: number,
  models: readonly (ModelInfo | undefined)[],
  maxOutputTokens: number | undefined,
  instructions: string | undefined,
): CostRange[] | null {
  const ranges: CostRange[] = [];
  for (const model of models) {
    if (!model) return null;
    for (const prompt of prompts) {
      const range = estimateJobCost(model, { prompt, instructions, maxOutputTokens });
      for (let copy = 0; copy < copies; copy++) ranges.push(range);
    }
  }
  return ranges;
}

/** Why the max-output-tokens field cannot be used, or null when it is fine (empty is fine). */
export function maxOutputProblem(raw: string, model: ModelInfo | undefined): string | null {
  if (raw.trim() === '') return null;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 16)
    return 'Max output tokens is a whole number, 16 or more.';
  if (model?.maxOutputTokens && value > model.maxOutputTokens) {
    return `${model.label} writes at most ${model.maxOutputTokens.toLocaleString('en-US')} output tokens.`;
  }
  return null;
}
