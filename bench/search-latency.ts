// search_p95_ms: full-text search over the answers (and titles, prompts) of 10,000 finished jobs,
// as the search box asks for it (`jobs:search`, its first 50 hits with snippets). 120 varied queries:
// single words from frequent to rare, pairs of words, and prefixes as typed (the last word is
// always matched as a prefix). Measured twice: against the JobStore directly (SQLite FTS5 and the
// snippets), and through the web host's HTTP API (plus request, validation and JSON).
// search_p95_<scale>_ms splits the store's figure by what the last word holds (it is matched as a
// prefix): 3 letters or more (words, pairs, longer prefixes), or 2 letters (a prefix as the first
// keys are typed, read from the 2-letter prefix index). The 2-letter ones are the varied queries'
// own plus up to 40 more drawn the same way, so their p95 is not one query's time.
import type { JobSearchHit } from '../shared/job-query.js';
import { JobManager, storeOf } from '../node/core/engine/job-manager.js';
import type { BoardDataset } from './board-dataset.js';
import { serveDataset } from './board-dataset.js';
import { seededRandom, type Vocabulary } from './job-corpus.js';

export interface SearchLatencyResult {
  queries: number;
  /** Queries that found at least one job (a pair of rare words may find none, as in life). */
  withHits: number;
  store: Percentiles;
  http: Percentiles;
  /** The store's time for queries whose last word has 3 letters or more. */
  threeLetters: Percentiles & { queries: number };
  /** The store's time for 2-letter prefixes. */
  twoLetters: Percentiles & { queries: number };
}

export interface Percentiles {
  p50: number;
  p95: number;
  max: number;
}

/** The hits the search box asks for first (searchPage in renderer/src/data/use-job-search.ts). */
const hitLimit = 50;

/** Words of every frequency: frequent ones match thousands of jobs, rare ones a few. */
function wordAt(vocabulary: Vocabulary, random: () => number): string {
  const words = vocabulary.words;
  // Spread over ranks on a log scale, so frequent, middling and rare words all appear.
  const rank = Math.floor(Math.exp(random() * Math.log(words.length)));
  return words[Math.min(words.length - 1, rank)] ?? 'the';
}

export function searchQueries(vocabulary: Vocabulary, count = 120): string[] {
  const random = seededRandom(7);
  const queries: string[] = [];
  for (let i = 0; queries.length < count; i++) {
    const word = wordAt(vocabulary, random);
    switch (i % 3) {
      case 0:
        queries.push(word);
        break;
      case 1:
        queries.push(`${wordAt(vocabulary, random)} ${word}`);
        break;
      default:
        // What the box holds while the word is being typed: 2 to 5 letters of it.
        queries.push(word.slice(0, 2 + Math.floor(random() * 4)));
    }
  }
  return queries;
}

/** The typed word the search matches as a prefix: the last one. */
function lastWord(query: string): string {
  return query.trim().split(/\s+/u).at(-1) ?? '';
}

/** Distinct 2-letter prefixes of words of every frequency, as typed into the search box. */
export function twoLetterQueries(vocabulary: Vocabulary, count = 40): string[] {
  const random = seededRandom(11);
  const prefixes = new Set<string>();
  for (let tries = 0; prefixes.size < count && tries < count * 50; tries++) {
    const prefix = wordAt(vocabulary, random).slice(0, 2);
    if (prefix.length === 2) prefixes.add(prefix);
  }
  return [...prefixes];
}

export function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  // Nearest rank: the smallest sample at or above the given share of all samples.
  const at = (share: number) => sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)] ?? NaN;
  return { p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? NaN };
}

async function timed<T>(run: () => T | Promise<T>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

export async function benchSearch(dataset: BoardDataset): Promise<SearchLatencyResult> {
  const queries = searchQueries(dataset.vocabulary);
  const served = await serveDataset(dataset);
  // The store's own figure through a reader of its own: the host's engine is on its worker.
  const reader = JobManager.open({
    dataDir: dataset.dir,
    drive: false,
    keys: { get: () => Promise.resolve(undefined) },
  });
  try {
    const store = storeOf(reader);
    const viaHttp = async (words: string): Promise<JobSearchHit[]> => {
      const response = await fetch(`${served.host.origin}/api/jobs:search`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${served.host.token}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ words, limit: hitLimit }),
      });
      const envelope = (await response.json()) as { ok: boolean; value: JobSearchHit[] };
      if (!envelope.ok) throw new Error(`jobs:search refused '${words}'`);
      return envelope.value;
    };
    // One untimed pass: the database pages and the HTTP connection are warm, as in a running app.
    let withHits = 0;
    for (const words of queries) {
      await viaHttp(words);
      if (store.search(words, hitLimit).length > 0) withHits++;
    }
    const twoLetterOnly = twoLetterQueries(dataset.vocabulary).filter((q) => !queries.includes(q));
    for (const words of twoLetterOnly) store.search(words, hitLimit);
    // The loop above kept the page's connection idle past the host's keep-alive timeout (5 s at
    // 100,000 jobs): one untimed request first, so the timed ones do not meet the closed socket.
    await viaHttp(queries[0] ?? 'a').catch(() => undefined);
    const storeMs: number[] = [];
    const httpMs: number[] = [];
    const threeLetterMs: number[] = [];
    const twoLetterMs: number[] = [];
    const byLength = (words: string, ms: number) =>
      (lastWord(words).length >= 3 ? threeLetterMs : twoLetterMs).push(ms);
    for (const words of queries) {
      const ms = await timed(() => store.search(words, hitLimit));
      storeMs.push(ms);
      byLength(words, ms);
      httpMs.push(await timed(() => viaHttp(words)));
    }
    for (const words of twoLetterOnly)
      byLength(words, await timed(() => store.search(words, hitLimit)));
    return {
      queries: queries.length,
      withHits,
      store: percentiles(storeMs),
      http: percentiles(httpMs),
      threeLetters: { ...percentiles(threeLetterMs), queries: threeLetterMs.length },
      twoLetters: { ...percentiles(twoLetterMs), queries: twoLetterMs.length },
    };
  } finally {
    await reader.close();
    await served.close();
  }
}
