// How the demo's emulator answers: slow enough that a newcomer sees every badge (queued, thinking,
// streaming the summary and the answer), quick enough not to bore. Virtual ms: --speed divides them.
import type { ResponseScriptInput, ScriptRuleInput } from '../emulator/index.js';

export const demoScript: ResponseScriptInput = {
  timing: { queuedMs: 1_500, thinkMs: 4_000, deltaIntervalMs: 90 },
  reasoningSummary: [
    '**Reading the question**\n\nWorking out what is asked and what a good answer needs to cover.',
    '**Weighing approaches**\n\nComparing two ways to answer and checking the edge cases of each.',
    '**Writing it up**\n\nPutting the answer in order, with a table and a small example.',
  ],
  usage: { reasoningTokens: 2_048 },
};

/**
 * Deep research runs long on the real API (many minutes); in the demo its searches take 2.5 s each
 * and its report streams faster, so the whole run takes about two minutes at --speed 1.
 */
export const demoRules: ScriptRuleInput[] = ['o3-deep-research', 'o4-mini-deep-research'].map(
  (model) => ({
    match: { model },
    times: null,
    script: { timing: { toolCallMs: 2_500, deltaIntervalMs: 20 } },
  }),
);
