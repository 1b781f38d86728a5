// The data directory the board, search, spend and CLI benchmarks share (`--scale N` jobs, 10,000
// by default): finished jobs with realistic titles and answers of 5 to 20 KB, most completed and
// some failed, cancelled or incomplete (so a status filter has something to filter), written
// straight through the JobStore's own insert (the real schema: triggers, search index, indexes) in
// one transaction; submitting them through the engine would take minutes and measure nothing
// more. And a web host serving it in this process.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { NewJob, type Job, type JobStatus } from '../shared/job.js';
import { costOf } from '../shared/cost.js';
import { findModel } from '../shared/models.js';
import { defaultOpenAIProvider } from '../shared/provider.js';
import { newJobRecord } from '../node/core/engine/new-job-record.js';
import { memoryKeyStore } from '../node/core/secrets/memory-key-store.js';
import { JobStore, databasePathIn, openDatabase } from '../node/core/store/index.js';
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
  /** Bytes of the database file (and its write-ahead log) once built. */
  databaseBytes: number;
  /** Jobs per status. */
  statuses: Partial<Record<JobStatus, number>>;
  /** How long building it took. */
  buildMs: number;
  vocabulary: Vocabulary;
  remove(): void;
}

const models = ['gpt-5-pro', 'o3-pro', 'gpt-5', 'o3'];
const yearMs = 365 * 24 * 3_600_000;

/** Answers of 5 to 20 KB: what a reasoning model's answer to a hard question weighs. */
const answerBytesMin = 5_000;
const answerBytesMax = 20_000;

/** The end a job came to: most complete, some do not (shares add up to 1). */
const endings: ReadonlyArray<{ share: number; status: JobStatus; patch: Partial<Job> }> = [
  { share: 0.9, status: 'completed', patch: {} },
  {
    share: 0.04,
    status: 'failed',
    patch: { error: { code: 'server_error', message: 'The server had an error.' } },
  },
  { share: 0.03, status: 'cancelled', patch: {} },
  { share: 0.03, status: 'incomplete', patch: { incompleteReason: 'max_output_tokens' } },
];

function endingOf(draw: number): (typeof endings)[number] {
  let share = 0;
  for (const ending of endings) if (draw < (share += ending.share)) return ending;
  return endings[0] as (typeof endings)[number];
}

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
  const size = answerBytesMin + Math.floor(random() * (answerBytesMax - answerBytesMin));
  const answer = makeAnswer(vocabulary, random, size);
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
  const ending = endingOf(random());
  return {
    ...record,
    status: ending.status,
    serverStatus: ending.status,
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
    ...ending.patch,
  };
}

/**
 * A fresh data directory holding `jobs` finished jobs on the default (OpenAI) provider, spread
 * over the past year. One transaction through the store's prepared statements: 100,000 jobs
 * (about 1.2 GB of answers, and their search index) take a few minutes on a 2-core machine, most
 * of it SQLite's full-text indexing.
 */
export function createBoardDataset(jobs = 10_000, keptIn?: string): BoardDataset {
  const started = performance.now();
  const data = keptIn === undefined ? freshDataDir() : keptDir(keptIn);
  const random = seededRandom(datasetSeed);
  const vocabulary = makeVocabulary(random);
  const db = openDatabase(data.dir);
  let answerBytes = 0;
  const statuses: Partial<Record<JobStatus, number>> = {};
  try {
    // This connection's page cache only (nothing stored in the file): a big cache keeps the
    // search index's pages in memory while one transaction writes them all.
    db.pragma('cache_size = -262144');
    const store = new JobStore(db);
    // Spread over the past year, oldest first.
    const startsAt = Date.now() - yearMs;
    store.transaction(() => {
      for (let index = 0; index < jobs; index++) {
        const createdAt = startsAt + Math.floor((index / jobs) * yearMs);
        const job = finishedJob(vocabulary, random, index, createdAt);
        answerBytes += Buffer.byteLength(job.answer);
        statuses[job.status] = (statuses[job.status] ?? 0) + 1;
        store.insert(job);
        store.appendEvent(job.id, 'submitted', null, job.createdAt);
        store.appendEvent(job.id, 'finished', job.status, job.finishedAt ?? job.createdAt);
      }
    });
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  return {
    dir: data.dir,
    jobs,
    answerBytes,
    databaseBytes: databaseBytesIn(data.dir),
    statuses,
    buildMs: performance.now() - started,
    vocabulary,
    remove: () => data.remove(),
  };
}

/** The vocabulary is drawn first from this seed: a kept dataset's is drawn again the same. */
const datasetSeed = 20_251_122;

function databaseBytesIn(dir: string): number {
  const path = databasePathIn(dir);
  return [path, `${path}-wal`]
    .map((file) => statSync(file, { throwIfNoEntry: false })?.size ?? 0)
    .reduce((a, b) => a + b, 0);
}

function keptDir(dir: string): { dir: string; remove(): void } {
  mkdirSync(dir, { recursive: true });
  return { dir, remove: () => undefined };
}

/**
 * A dataset kept between runs in `dir` (MULL_BENCH_DATASET; README, Benchmarks): built there the
 * first time, used as it is after that (100,000 jobs take minutes to build). Refused when it
 * holds another number of jobs. A run's host and CLI sections add jobs to it: figures read
 * after those are not comparable with a fresh build's.
 */
export function keptBoardDataset(dir: string, jobs: number): BoardDataset {
  if (!existsSync(databasePathIn(dir))) return createBoardDataset(jobs, dir);
  const db = openDatabase(dir);
  try {
    const rows = db
      .prepare<[], { status: JobStatus; jobs: number; bytes: number }>(
        'SELECT status, count(*) AS jobs, sum(length(CAST(answer AS BLOB))) AS bytes ' +
          'FROM jobs GROUP BY status',
      )
      .all();
    const held = rows.reduce((sum, row) => sum + row.jobs, 0);
    if (held !== jobs)
      throw new Error(
        `MULL_BENCH_DATASET: ${dir} holds ${held} jobs, not ${jobs}; remove it or pass --scale ${held}`,
      );
    return {
      dir,
      jobs,
      answerBytes: rows.reduce((sum, row) => sum + row.bytes, 0),
      databaseBytes: databaseBytesIn(dir),
      statuses: Object.fromEntries(rows.map((row) => [row.status, row.jobs])),
      buildMs: 0,
      vocabulary: makeVocabulary(seededRandom(datasetSeed)),
      remove: () => undefined,
    };
  } finally {
    db.close();
  }
}

/** The web host on the dataset, in this process, with a key set (so no first-run welcome). */
export function serveDataset(dataset: BoardDataset): Promise<ServedWeb> {
  const keyStore = memoryKeyStore({ [defaultOpenAIProvider.id]: 'sk-bench-board-0000' });
  return serveWeb({
    dataDir: dataset.dir,
    mode: 'web',
    version: 'bench',
    keyStore,
    keyEnv: {},
    log: (message, error) => console.error(`web host: ${message}`, error ?? ''),
  });
}
