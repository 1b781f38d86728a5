// ingest_ratio and ingest_vs_floor: one response of 200,000 deltas replayed at full speed over
// loopback. Mull's durable engine (fold, coalesced SQLite writes, final reconciliation) against
// the bare openai SDK merely iterating the very same stream, and against the floor: the least a
// reader can do with it (node:http GET, eventsource-parser, JSON.parse of every event, the text
// appended to a string). Rounds alternate, medians are compared.
import { request } from 'node:http';
import { createParser } from 'eventsource-parser';
import OpenAI from 'openai';
import { NewJob, isSettled, type Job } from '../shared/job.js';
import { newJobRecord } from '../node/core/engine/new-job-record.js';
import { storeOf } from '../node/core/engine/job-manager.js';
import {
  benchKey,
  benchProvider,
  freshDataDir,
  median,
  openManager,
  waitForAll,
} from './bench-support.js';
import type { EmulatorProcess } from './emulator-process.js';

export interface IngestResult {
  deltas: number;
  sdkMs: number;
  engineMs: number;
  floorMs: number;
  ingest_ratio: number;
  /** The engine's time over the bare reader's. */
  ingest_vs_floor: number;
}

async function createResponse(emulator: EmulatorProcess, deltas: number): Promise<string> {
  await emulator.control.addScript({
    script: { answer: 'lorem ipsum dolor sit amet ', answerDeltas: deltas },
  });
  const sdk = new OpenAI({ apiKey: benchKey, baseURL: emulator.baseURL, maxRetries: 0 });
  const stream = await sdk.responses.create({
    model: 'gpt-4.1-mini',
    input: 'bench',
    background: true,
    stream: true,
    store: true,
  });
  let id = '';
  for await (const event of stream) if (event.type === 'response.created') id = event.response.id;
  return id;
}

async function sdkRound(emulator: EmulatorProcess, responseId: string): Promise<number> {
  const sdk = new OpenAI({ apiKey: benchKey, baseURL: emulator.baseURL, maxRetries: 0 });
  const started = performance.now();
  const stream = await sdk.responses.retrieve(responseId, { stream: true });
  let events = 0;
  for await (const _event of stream) events++;
  const elapsed = performance.now() - started;
  if (events < 1000) throw new Error(`the SDK read only ${events} events`);
  return elapsed;
}

/**
 * The floor: a GET of the same re-stream with node:http, parsed with eventsource-parser (as the
 * engine reads), every event JSON.parse'd and each text delta appended to a string; nothing
 * stored. Resolves with the time and the text's length.
 */
async function floorRound(
  emulator: EmulatorProcess,
  responseId: string,
  expected: number,
): Promise<number> {
  const url = new URL(`${emulator.baseURL}/responses/${responseId}?stream=true`);
  const started = performance.now();
  let events = 0;
  let answer = '';
  await new Promise<void>((resolve, reject) => {
    const get = request(
      url,
      { headers: { Authorization: `Bearer ${benchKey}`, Accept: 'text/event-stream' } },
      (response) => {
        if (response.statusCode !== 200) {
          response.resume();
          reject(new Error(`the floor's GET answered ${String(response.statusCode)}`));
          return;
        }
        // A character cut between two chunks waits for its last byte (as TextDecoder's stream).
        response.setEncoding('utf8');
        const parser = createParser({
          onEvent: (message) => {
            const event = JSON.parse(message.data) as { type?: string; delta?: string };
            events++;
            if (event.type === 'response.output_text.delta') answer += event.delta ?? '';
          },
        });
        response.on('data', (chunk: string) => parser.feed(chunk));
        response.on('end', () => resolve());
        response.on('error', reject);
      },
    );
    get.on('error', reject);
    get.end();
  });
  const elapsed = performance.now() - started;
  if (events < expected) throw new Error(`the floor read only ${events} events`);
  if (answer.length === 0) throw new Error('the floor read no text');
  return elapsed;
}

async function engineRound(
  emulator: EmulatorProcess,
  responseId: string,
  expected: number,
): Promise<number> {
  const data = freshDataDir();
  const manager = openManager(data.dir, emulator.baseURL);
  try {
    // A job attached to the existing response, as after a restart with nothing read yet: the
    // engine streams it from the start, exactly the bytes the SDK round read.
    const now = Date.now();
    const pending = newJobRecord(
      NewJob.parse({ prompt: 'bench', model: 'gpt-4.1-mini', providerId: benchProvider }),
      {},
      now,
    );
    const job: Job = {
      ...pending,
      status: 'in_progress',
      serverStatus: 'in_progress',
      responseId,
      submittedAt: now,
      startedAt: now,
    };
    storeOf(manager).insert(job);
    const started = performance.now();
    const done = waitForAll(manager, [job.id], (j) => isSettled(j.status));
    manager.resumeAll();
    await done;
    const elapsed = performance.now() - started;
    const finished = manager.get(job.id);
    if (finished?.status !== 'completed' || finished.cursor < expected)
      throw new Error(
        `engine round ended ${String(finished?.status)} at ${String(finished?.cursor)}`,
      );
    return elapsed;
  } finally {
    await manager.close();
    data.remove();
  }
}

export async function benchIngest(
  emulator: EmulatorProcess,
  deltas = 200_000,
  rounds = 5,
): Promise<IngestResult> {
  const responseId = await createResponse(emulator, deltas);
  const sdk: number[] = [];
  const engine: number[] = [];
  const floor: number[] = [];
  // Warm-up: JIT, sockets (each of the three readers, so none is measured cold).
  await sdkRound(emulator, responseId);
  await floorRound(emulator, responseId, deltas);
  await engineRound(emulator, responseId, deltas);
  for (let round = 0; round < rounds; round++) {
    sdk.push(await sdkRound(emulator, responseId));
    floor.push(await floorRound(emulator, responseId, deltas));
    engine.push(await engineRound(emulator, responseId, deltas));
  }
  const sdkMs = median(sdk);
  const engineMs = median(engine);
  const floorMs = median(floor);
  return {
    deltas,
    sdkMs,
    engineMs,
    floorMs,
    ingest_ratio: engineMs / sdkMs,
    ingest_vs_floor: engineMs / floorMs,
  };
}
