// Folds stream events into what a job keeps: answer, reasoning summary, server status and the
// cursor (the last sequence number applied). Exactly-once: events at or below the cursor are
// ignored, so replaying a stream from any earlier point changes nothing.
import type { ResponseStreamEvent, ServerResponse } from '../provider/responses-client.js';

export type FoldOutcome =
  /** Already applied (at or below the cursor). */
  | 'ignored'
  /** A number beyond cursor + 1: events were lost on the way; resume from the cursor. */
  | 'gap'
  /** Applied; only text changed (coalesce the write). */
  | 'text'
  /** Applied; the server status or the response id changed (write now). */
  | 'status'
  /** Applied; the response reached a terminal status (write now, then reconcile). */
  | 'terminal'
  /** A mid-stream error frame: not part of the log (its number is not applied). */
  | 'error';

export const summaryPartSeparator = '\n\n';

export interface FoldSnapshot {
  cursor: number;
  answer: string;
  reasoningSummary: string;
  serverStatus: string | null;
  responseId: string | null;
  resolvedModel: string | null;
}

export class StreamFold {
  cursor: number;
  serverStatus: string | null;
  responseId: string | null;
  resolvedModel: string | null;
  /** The terminal response carried by the terminal event, once seen. */
  terminalResponse: ServerResponse | undefined;
  // Text is kept as a settled prefix plus recent pieces, joined only when read: a long answer
  // arrives as hundreds of thousands of deltas.
  private answerPrefix: string;
  private answerPieces: string[] = [];
  private summaryPrefix: string;
  private summaryPieces: string[] = [];

  constructor(from: FoldSnapshot) {
    this.cursor = from.cursor;
    this.answerPrefix = from.answer;
    this.summaryPrefix = from.reasoningSummary;
    this.serverStatus = from.serverStatus;
    this.responseId = from.responseId;
    this.resolvedModel = from.resolvedModel;
  }

  get answer(): string {
    if (this.answerPieces.length > 0) {
      this.answerPrefix += this.answerPieces.join('');
      this.answerPieces = [];
    }
    return this.answerPrefix;
  }

  get reasoningSummary(): string {
    if (this.summaryPieces.length > 0) {
      this.summaryPrefix += this.summaryPieces.join('');
      this.summaryPieces = [];
    }
    return this.summaryPrefix;
  }

  snapshot(): FoldSnapshot {
    return {
      cursor: this.cursor,
      answer: this.answer,
      reasoningSummary: this.reasoningSummary,
      serverStatus: this.serverStatus,
      responseId: this.responseId,
      resolvedModel: this.resolvedModel,
    };
  }

  apply(event: ResponseStreamEvent): FoldOutcome {
    const loose = event as { type: string; sequence_number?: unknown };
    if (loose.type === 'error') return 'error';
    const seq = loose.sequence_number;
    if (typeof seq !== 'number') return 'ignored'; // unknown shapes are tolerated, never applied
    if (seq <= this.cursor) return 'ignored';
    if (seq !== this.cursor + 1) return 'gap';
    this.cursor = seq;
    switch (event.type) {
      case 'response.output_text.delta':
        this.answerPieces.push(event.delta);
        return 'text';
      case 'response.refusal.delta':
        this.answerPieces.push(event.delta);
        return 'text';
      case 'response.reasoning_summary_part.added':
        if (this.summaryPrefix !== '' || this.summaryPieces.length > 0)
          this.summaryPieces.push(summaryPartSeparator);
        return 'text';
      case 'response.reasoning_summary_text.delta':
        this.summaryPieces.push(event.delta);
        return 'text';
      case 'response.created':
      case 'response.queued':
      case 'response.in_progress':
        return this.noteResponse(event.response) ? 'status' : 'text';
      case 'response.completed':
      case 'response.incomplete':
      case 'response.failed':
        this.noteResponse(event.response);
        this.terminalResponse = event.response;
        return 'terminal';
      default:
        return 'text'; // other events (item and part boundaries, new types): numbered, no text
    }
  }

  /** Records id, status and model; true when something a person would see changed. */
  private noteResponse(response: ServerResponse): boolean {
    const changed =
      response.status !== this.serverStatus ||
      response.id !== this.responseId ||
      response.model !== this.resolvedModel;
    this.serverStatus = response.status ?? this.serverStatus;
    this.responseId = response.id;
    this.resolvedModel = response.model;
    return changed;
  }
}
