// What one coalesced flush of streamed text costs at a short and at a long answer (issue 13), for
// the benchmark (`flush_cost_growth`) and flush-cost.test.ts. It runs the engine's own write path:
// a StreamFold folding numbered deltas, staged in a JobWriter exactly as JobDriver stages them,
// written by writer.flush() into a real database file. Jobs stream side by side, grown to each
// size first; their timed flushes then alternate, so a busy machine slows both sizes alike. The
// short size's flushes go round several jobs, so that none grows past 1.5 times that size.
// Bytes written are the write-ahead log's growth with checkpoints held off: every page a commit
// writes, once (a checkpoint later copies those pages into the database file).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResponseStreamEvent } from '../../provider/responses-client.js';
import { JobStore, databasePathIn, openDatabase } from '../../store/index.js';
import { sampleJob } from '../../store/test-support/sample-job.js';
import { JobWriter } from '../job-writer.js';
import { StreamFold } from '../stream-fold.js';

export interface FlushCostOptions {
  /** The short answer, in UTF-16 code units (default 20,000). */
  shortChars?: number;
  /** The long answer (default 2,000,000). */
  longChars?: number;
  /** Text each flush adds (default 1,000: a fast model's 150 ms). */
  charsPerFlush?: number;
  /** Timed flushes per size (default 200). */
  samples?: number;
}

export interface FlushCostAt {
  /** The answer's length when the timed flushes began. */
  answerChars: number;
  /** The median time of writer.flush(), one job staged. */
  msPerFlush: number;
  /** The mean bytes one flush writes. */
  bytesPerFlush: number;
}

export interface FlushCost {
  short: FlushCostAt;
  long: FlushCostAt;
  /** long.msPerFlush / short.msPerFlush: 1 when a flush does not grow with the answer. */
  flush_cost_growth: number;
  /** Bytes written while the long answer streamed to its size. */
  streamBytes: number;
  /** The write that settles the long job (the server's final text, compacting its chunks). */
  settle: { ms: number; bytes: number };
  /** The later transaction that puts the settled long answer in the search index. */
  index: { ms: number; bytes: number };
}

/** Streams, measures and removes its data directory; synchronous, like the writer's flush. */
export function measureFlushCost(options: FlushCostOptions = {}): FlushCost {
  const shortChars = options.shortChars ?? 20_000;
  const longChars = options.longChars ?? 2_000_000;
  const charsPerFlush = options.charsPerFlush ?? 1_000;
  const samples = options.samples ?? 200;
  const dataDir = mkdtempSync(join(tmpdir(), 'mull-flush-cost-'));
  const db = openDatabase(dataDir);
  try {
    db.pragma('wal_autocheckpoint = 0');
    const wal = `${databasePathIn(dataDir)}-wal`;
    const walBytes = () => statSync(wal, { throwIfNoEntry: false })?.size ?? 0;
    const store = new JobStore(db);
    const writer = new JobWriter(store, 60_000); // flushed by hand, never by its timer
    const text = new PseudoText();
    const long = new StreamingJob(store, writer, text);
    const shortJobs = Math.ceil((samples * charsPerFlush) / (shortChars / 2));
    const shorts = Array.from({ length: shortJobs }, () => new StreamingJob(store, writer, text));

    const before = walBytes();
    while (long.length < longChars) long.flushAdding(charsPerFlush);
    const streamBytes = walBytes() - before;
    for (const short of shorts) while (short.length < shortChars) short.flushAdding(charsPerFlush);

    const started = { short: shorts[0]?.length ?? 0, long: long.length };
    const times = { short: [] as number[], long: [] as number[] };
    const bytes = { short: 0, long: 0 };
    for (let i = 0; i < samples; i++) {
      for (const size of ['short', 'long'] as const) {
        const job = size === 'long' ? long : (shorts[i % shortJobs] as StreamingJob);
        const walBefore = walBytes();
        times[size].push(job.flushAdding(charsPerFlush));
        bytes[size] += walBytes() - walBefore;
      }
    }
    const at = (size: 'short' | 'long'): FlushCostAt => ({
      answerChars: started[size],
      msPerFlush: median(times[size]),
      bytesPerFlush: bytes[size] / samples,
    });
    const result = { short: at('short'), long: at('long') };

    const timed = (step: () => void) => {
      const mark = walBytes();
      const begun = performance.now();
      step();
      return { ms: performance.now() - begun, bytes: walBytes() - mark };
    };
    const settle = timed(() => long.settle());
    const index = timed(() => writer.indexSettled());
    writer.close();
    return {
      ...result,
      flush_cost_growth: result.long.msPerFlush / result.short.msPerFlush,
      streamBytes,
      settle,
      index,
    };
  } finally {
    db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** One running job, fed deltas and staged the way JobDriver stages its text. */
class StreamingJob {
  private readonly fold: StreamFold;
  private readonly id: string;
  private seq = 0;

  constructor(
    store: JobStore,
    private readonly writer: JobWriter,
    private readonly text: PseudoText,
  ) {
    const sample = sampleJob({ status: 'in_progress', serverStatus: 'in_progress', cursor: 0 });
    const job = { ...sample, responseId: `resp_${sample.id}` };
    store.insert(job);
    this.id = job.id;
    this.fold = new StreamFold({ ...job, items: [] });
    this.fold.beginStream();
  }

  get length(): number {
    return this.fold.answer.length;
  }

  /** Folds about `chars` of new text, stages it and times writer.flush() alone, in ms. */
  flushAdding(chars: number): number {
    let added = 0;
    while (added < chars) {
      const delta = this.text.next();
      this.fold.apply(deltaEvent(++this.seq, delta));
      added += delta.length;
    }
    // JobDriver's staged write (job-driver.ts, stagedText).
    this.writer.stage(this.id, () => ({
      patch: this.fold.streamingWrite(),
      items: { put: this.fold.takeItemChanges() },
    }));
    const started = performance.now();
    this.writer.flush();
    return performance.now() - started;
  }

  /** The job's last write, as JobDriver.finish writes it: the whole final text. */
  settle(): void {
    this.writer.write(this.id, {
      ...this.fold.snapshot(),
      status: 'completed',
      serverStatus: 'completed',
      finishedAt: Date.now(),
    });
  }
}

function deltaEvent(sequence: number, delta: string): ResponseStreamEvent {
  return {
    type: 'response.output_text.delta',
    sequence_number: sequence,
    item_id: 'msg_1',
    output_index: 0,
    content_index: 0,
    delta,
    logprobs: [],
  };
}

/** Words of 3 to 10 letters from a seeded generator, a paragraph break now and then. */
class PseudoText {
  private state = 12_345;
  private count = 0;

  next(): string {
    const letters = 3 + (this.random() % 8);
    let word = '';
    for (let i = 0; i < letters; i++) word += String.fromCharCode(97 + (this.random() % 26));
    this.count++;
    return this.count % 97 === 0 ? `${word}\n\n` : `${word} `;
  }

  private random(): number {
    this.state = (Math.imul(this.state, 1_103_515_245) + 12_345) >>> 0;
    return this.state >>> 16;
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}
