// Output items for component tests, from the real recordings in e2e/fixtures/openai-recordings/real:
// the `response.completed` frame's `response.output`, exactly as the server sent it.
/* eslint-disable no-restricted-imports -- the recordings are data shared with the e2e tests, read as text at build time */
import codeInterpreter from '../../../../e2e/fixtures/openai-recordings/real/pyd-gpt5-codeinterp.json?raw';
import refusal from '../../../../e2e/fixtures/openai-recordings/real/mira-refusal.json?raw';
import phases from '../../../../e2e/fixtures/openai-recordings/real/vercel-phase-codex.json?raw';
import webSearch from '../../../../e2e/fixtures/openai-recordings/real/vercel-websearch-5mini.json?raw';
/* eslint-enable no-restricted-imports */
import { OutputItem } from '../../../../shared/output-items.js';

const recordings = { webSearch, codeInterpreter, refusal, phases };
export type RecordingName = keyof typeof recordings;

/** The completed response's output items of a recording. */
export function recordedItems(name: RecordingName): OutputItem[] {
  const recording = JSON.parse(recordings[name]) as { create: { frames: string[] } };
  for (const frame of recording.create.frames) {
    const data = frame
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => line.slice('data: '.length))
      .join('\n');
    if (data === '') continue;
    const event = JSON.parse(data) as { type?: string; response?: { output?: unknown } };
    if (event.type === 'response.completed') {
      return OutputItem.array().parse(event.response?.output);
    }
  }
  throw new Error(`The recording ${name} has no response.completed frame.`);
}
