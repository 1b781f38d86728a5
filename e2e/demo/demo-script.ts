// How the demo's emulator answers: slow enough that a newcomer sees every badge (queued, thinking,
// streaming the summary and the answer), quick enough not to bore. Virtual ms: --speed divides them.
import type { ResponseScriptInput } from '../openai-emulator/index.js';

export const demoScript: ResponseScriptInput = {
  timing: { queuedMs: 1_500, thinkMs: 4_000, deltaIntervalMs: 90 },
  reasoningSummary: [
    '**Reading the question**\n\nWorking out what is asked and what a good answer needs to cover.',
    '**Weighing approaches**\n\nComparing two ways to answer and checking the edge cases of each.',
    '**Writing it up**\n\nPutting the answer in order, with a table and a small example.',
  ],
  usage: { reasoningTokens: 2_048 },
};
