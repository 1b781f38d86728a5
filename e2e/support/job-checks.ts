// Checks the resilience specs share: a job as the backend stores it (read through the page's own
// session), the answer text the emulator holds for a response, and how many create requests each
// job sent.
import { expect, type Page } from '@playwright/test';
import type { JobDetail } from '../../shared/ipc/contract.js';
import type { RunningEmulator } from '../../node/emulator/index.js';
import { callFromPage } from './page-api.js';

/** A job with its timeline, as `jobs:get` answers it to the page. */
export async function jobDetailBehindThePage(page: Page, id: string): Promise<JobDetail> {
  const envelope = await callFromPage<{ ok: boolean; value: JobDetail }>(page, 'jobs:get', { id });
  expect(envelope.ok).toBe(true);
  return envelope.value;
}

/** The text of a response's output messages, as the emulator (the server) has it. */
export async function serverAnswer(emulator: RunningEmulator, responseId: string): Promise<string> {
  const { response } = await emulator.control.response(responseId);
  return response.output
    .filter((item) => item.type === 'message')
    .flatMap((item) => (item.content as Array<{ type: string; text?: string }> | undefined) ?? [])
    .filter((part) => part.type === 'output_text')
    .map((part) => part.text ?? '')
    .join('');
}

/** How many create requests the emulator received for each Mull job id (its metadata). */
export async function createsPerJob(emulator: RunningEmulator): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const request of await emulator.control.requests({ kind: 'create' })) {
    const body = request.body as { metadata?: { mull_job_id?: string } } | undefined;
    const id = body?.metadata?.mull_job_id ?? '(no mull_job_id)';
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/** The `starting_after` of every resume (stream) request for a response, in order. */
export async function resumeCursors(
  emulator: RunningEmulator,
  responseId: string,
): Promise<number[]> {
  const streams = await emulator.control.requests({ kind: 'stream', responseId });
  return streams.map((request) => Number(request.query.starting_after ?? Number.NaN));
}

/**
 * A one-paragraph plain-text answer of `words` words (no Markdown syntax, so the page shows it
 * as written). Numbered words make a lost or doubled delta visible anywhere in the text; a few
 * non-ASCII letters show it survives byte for byte.
 */
export function plainAnswer(topic: string, words: number): string {
  const vocabulary = ['naïve', 'café', 'Zürich', 'orbit', 'tide', 'prism', 'lattice', 'ember'];
  const body = Array.from(
    { length: words - 1 },
    (_, i) => `${vocabulary[i % vocabulary.length]}${i + 1}`,
  );
  return `${topic} ${body.join(' ')}.`;
}
