// `jobs:text`: what a job's answer and reasoning summary gained since the last change told, so the
// page appends instead of asking for the whole job. Per job it keeps the length it last told, the
// few code units before that length, and a running hash of everything told: text that grew past
// the same tail is an append; text that shrank or changed (a retry, the server's final text
// replacing the streamed one) goes whole, from 0. When the job ends, the hash checks the whole text
// told against the stored one, so a change inside it is caught too. Jobs are forgotten when they
// end or are deleted.
import type { EventOf, TextAppend } from '../../shared/ipc/contract.js';
import { isTerminal, type Job, type JobId } from '../../shared/job.js';

const tailLength = 32;

interface Told {
  length: number;
  /** The code units just before `length`: a fresh string, never a slice keeping the text alive. */
  tail: string;
  /** FNV-1a over every code unit told. */
  hash: number;
}

const fnvPrime = 0x01000193;
const fnvStart = 0x811c9dc5;

function hashOn(hash: number, text: string, from = 0, to = text.length): number {
  let h = hash;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), fnvPrime);
  return h;
}

function tailOf(text: string): string {
  const start = Math.max(0, text.length - tailLength);
  const units: number[] = [];
  for (let i = start; i < text.length; i++) units.push(text.charCodeAt(i));
  return String.fromCharCode(...units);
}

function sameTail(text: string, told: Told): boolean {
  const start = told.length - told.tail.length;
  for (let i = 0; i < told.tail.length; i++) {
    if (text.charCodeAt(start + i) !== told.tail.charCodeAt(i)) return false;
  }
  return true;
}

function step(
  text: string,
  told: Told | undefined,
  checkWhole: boolean,
): { append: TextAppend; told: Told } {
  const grows =
    told !== undefined &&
    text.length >= told.length &&
    sameTail(text, told) &&
    (!checkWhole || hashOn(fnvStart, text, 0, told.length) === told.hash);
  if (grows) {
    const append = text.slice(told.length);
    return {
      append: { from: told.length, append },
      told: { length: text.length, tail: tailOf(text), hash: hashOn(told.hash, append) },
    };
  }
  return {
    append: { from: 0, append: text },
    told: { length: text.length, tail: tailOf(text), hash: hashOn(fnvStart, text) },
  };
}

export class TextPusher {
  private readonly told = new Map<JobId, { answer: Told; reasoningSummary: Told }>();

  /** The `jobs:text` of a stored change of `job`. */
  next(job: Job): EventOf<'jobs:text'> {
    const before = this.told.get(job.id);
    const ended = isTerminal(job.status);
    const answer = step(job.answer, before?.answer, ended);
    const reasoningSummary = step(job.reasoningSummary, before?.reasoningSummary, ended);
    if (ended) this.told.delete(job.id);
    else this.told.set(job.id, { answer: answer.told, reasoningSummary: reasoningSummary.told });
    return {
      id: job.id,
      revision: job.revision,
      answer: answer.append,
      reasoningSummary: reasoningSummary.append,
    };
  }

  forget(id: JobId): void {
    this.told.delete(id);
  }
}
