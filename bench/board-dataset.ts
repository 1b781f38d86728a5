// The data directory the board and search benchmarks share: thousands of finished jobs with
// realistic titles and answers of a few KB, written straight through the JobStore in one
// transaction (submitting them through the engine would take minutes and measure nothing more),
// and a web host serving it in this process.
import { NewJob, type Job } from '../shared/job.js';
import { costOf } from '../shared/cost.js';
import { findModel } from '../shared/models.js';
import { defaultOpenAIProvider } from '../shared/provider.js';
import { newJobRecord } from '../node/core/engine/new-job-record.js';
import { keySourceFor } from '../node/core/secrets/index.js';
import { memoryKeyStore } from '../node/core/secrets/memory-key-store.js';
import { JobStore, openDatabase } from '../node/core/store/index.js';
import { serveWeb, type ServedWeb } from '../node/web-host/serve-web.js';
import { freshDataDir } from './bench-support.js';
import {
  makeAnswer,
  makeTitle,
  makeVocabulary,
  seededRandom,
  type Vocabulary,
} from './job-corpus.js';

export interface BoardDataset {
  dir: string;
  jobs: number;
  /** Bytes of answer text over all jobs. */
  answerBytes: number;
  vocabulary: Vocabulary;
  remove(): void;
}

const models = ['gpt-5-pro', 'o3-pro', 'gpt-5', 'o3'];
const yearMs = 365 * 24 * 3_600_000;

function finishedJob(
  vocabulary: Vocabulary,
  random: () => number,
  index: number,
  createdAt: number,
): Job {
  const model = models[index % models.length] ?? 'gpt-5';
  const title = makeTitle(vocabulary, random);
  const input = NewJob.parse({ prompt: `${title}\n\nShow the reasoning.`, model });
  const record = newJobRecord(input, {}, createdAt, `bench-${String(index).padStart(6, '0')}`);
  const answer = makeAnswer(vocabulary, random, 1_500 + Math.floor(random() * 3_500));
  const usage = {
    inputTokens: 200 + Math.floor(random() * 2_000),
    cachedTokens: 0,
    outputTokens: Math.ceil(answer.length / 4) + 2_000,
    reasoningTokens: 2_000,
    totalTokens: 0,
  };
  usage.totalTokens = usage.inputTokens + usage.outputTokens;
  const price = findModel(model)?.price;
  const finishedAt = createdAt + 60_000 + Math.floor(random() * 1_800_000);
  return {
    ...record,
    status: 'completed',
    serverStatus: 'completed',
    responseId: `resp_bench_${index}`,
    resolvedModel: model,
    cursor: 40 + Math.floor(answer.length / 5),
    answer,
    usage,
    cost: price ? costOf(usage, price) : null,
    submittedAt: createdAt,
    startedAt: createdAt + 1_000,
    finishedAt,
    updatedAt: finishedAt,
    revision: 12,
  };
}

/** A fresh data directory holding `jobs` completed jobs on the default (OpenAI) provider. */
export function createBoardDataset(jobs = 10_000): BoardDataset {
  const data = freshDataDir();
  const random = seededRandom(20_251_122);
  const vocabulary = makeVocabulary(random);
  const db = openDatabase(data.dir);
  let answerBytes = 0;
  try {
    const store = new JobStore(db);
    // Spread over the past year, oldest first.
    const startsAt = Date.now() - yearMs;
    store.transaction(() => {
      for (let index = 0; index < jobs; index++) {
        const createdAt = startsAt + Math.floor((index / jobs) * yearMs);
        const job = finishedJob(vocabulary, random, index, createdAt);
        answerBytes += Buffer.byteLength(job.answer);
        store.insert(job);
        store.appendEvent(job.id, 'submitted', null, job.createdAt);
        store.appendEvent(job.id, 'finished', 'completed', job.finishedAt ?? job.createdAt);
      }
    });
  } finally {
    db.close();
  }
  return { dir: data.dir, jobs, answerBytes, vocabulary, remove: () => data.remove() };
}

/** The web host on the dataset, in this process, with a key set (so no first-run welcome). */
export function serveDataset(dataset: BoardDataset): Promise<ServedWeb> {
  const keyStore = memoryKeyStore({ [defaultOpenAIProvider.id]: 'sk-bench-board-0000' });
  return serveWeb({
    dataDir: dataset.dir,
    mode: 'web',
    version: 'bench',
    keyStore,
    keys: keySourceFor({}, keyStore),
    log: (message, error) => console.error(`web host: ${message}`, error ?? ''),
  });
}
