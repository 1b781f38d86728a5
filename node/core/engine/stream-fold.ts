// Folds stream events into what a job keeps: answer, reasoning summary, output items (item-fold.ts),
// server status and the cursor (the last sequence number applied). Exactly-once: events at or below the cursor are
// ignored, so replaying a stream from any earlier point changes nothing. Error frames, numbered
// as the real API numbers them, are part of the log like any other event.
import type { OutputItem } from '../../../shared/output-items.js';
import type { ResponseStreamEvent, ServerResponse } from '../provider/responses-client.js';
import type { PositionedItem, TextAppend } from '../store/index.js';
import { GrowingText } from './growing-text.js';
import { ItemFold } from './item-fold.js';

export type FoldOutcome =
  /** Already applied (at or below the cursor), or a shape that is not part of the log. */
  | 'ignored'
  /** A number beyond cursor + 1: events were lost on the way; resume from the cursor. */
  | 'gap'
  /** Applied; only text changed (coalesce the write). */
  | 'text'
  /** Applied; the server status or the response id changed (write now). */
  | 'status'
  /** Applied; the response reached a terminal status (write now, then reconcile). */
  | 'terminal'
  /**
   * An `error` frame: recorded in `lastError`. A numbered one is part of the log (the real API
   * numbers it and follows it with `response.failed`), so it moves the cursor like any event.
   */
  | 'error'
  /** A resumed stream without sequence numbers: it cannot be spliced onto the cursor; poll. */
  | 'unnumbered';

export const summaryPartSeparator = '\n\n';
/**
 * Between the texts of two messages of one response (a `commentary` message, then the
 * `final_answer`): the answer keeps them apart, as finalTextsOf does with the server's output.
 */
export const messageSeparator = '\n\n';

export interface FoldSnapshot {
  cursor: number;
  answer: string;
  reasoningSummary: string;
  serverStatus: string | null;
  responseId: string | null;
  resolvedModel: string | null;
  /** The output items stored with the cursor (empty for a new job). */
  items?: readonly OutputItem[];
}

/** An error the server reported on the stream, in either of its shapes. */
export interface StreamError {
  code: string;
  message: string;
}

/** Reads the flat `{code, message}` and the nested `{error: {code, type, message}}` shapes. */
export function streamErrorOf(event: unknown): StreamError {
  const frame = event as { code?: unknown; message?: unknown; error?: unknown };
  const nested =
    typeof frame.error === 'object' && frame.error !== null
      ? (frame.error as { code?: unknown; type?: unknown; message?: unknown })
      : undefined;
  const code = [nested?.code, nested?.type, frame.code].find(
    (value): value is string => typeof value === 'string' && value !== '',
  );
  const message = [nested?.message, frame.message].find(
    (value): value is string => typeof value === 'string' && value !== '',
  );
  return { code: code ?? 'server_error', message: message ?? 'The server reported an error.' };
}

/**
 * How the current stream numbers its events. Older API versions and some compatible servers send
 * no `sequence_number` at all: such a stream is folded in arrival order with a local counter, and
 * only from its very start (the create stream), since nothing ties a later stream to the counter.
 */
type Numbering = 'undecided' | 'numbered' | 'unnumbered';

export class StreamFold {
  cursor: number;
  serverStatus: string | null;
  responseId: string | null;
  resolvedModel: string | null;
  /** The terminal response carried by the terminal event, once seen. */
  terminalResponse: ServerResponse | undefined;
  /** The last error frame seen, if any. */
  lastError: StreamError | undefined;
  private numbering: Numbering = 'undecided';
  private streamFromStart = false;
  private sawUnnumbered = false;
  // Text is kept as pieces joined only when read: a long answer arrives as hundreds of thousands
  // of deltas.
  private readonly answerText: GrowingText;
  private readonly summaryText: GrowingText;
  private readonly itemFold: ItemFold;

  constructor(from: FoldSnapshot) {
    this.itemFold = new ItemFold(from.items ?? []);
    this.cursor = from.cursor;
    this.answerText = new GrowingText(from.answer);
    this.summaryText = new GrowingText(from.reasoningSummary);
    this.serverStatus = from.serverStatus;
    this.responseId = from.responseId;
    this.resolvedModel = from.resolvedModel;
  }

  get answer(): string {
    return this.answerText.text;
  }

  get reasoningSummary(): string {
    return this.summaryText.text;
  }

  /** The fold as a job patch: the cursor and the whole texts it covers, ids and status. */
  snapshot(): Omit<FoldSnapshot, 'items'> {
    return {
      cursor: this.cursor,
      answer: this.answer,
      reasoningSummary: this.reasoningSummary,
      serverStatus: this.serverStatus,
      responseId: this.responseId,
      resolvedModel: this.resolvedModel,
    };
  }

  /**
   * The snapshot as a streaming write: with the text each part gained since the last one, which
   * the store appends when it follows what is stored (so a flush does not grow with the text).
   */
  streamingWrite(): Omit<FoldSnapshot, 'items'> & {
    answerAppend: TextAppend;
    summaryAppend: TextAppend;
  } {
    // Taken first: the snapshot's texts then join nothing a second time.
    const answerAppend = this.answerText.takeAppend();
    const summaryAppend = this.summaryText.takeAppend();
    return { ...this.snapshot(), answerAppend, summaryAppend };
  }

  /** The output items folded so far, in order. */
  get items(): OutputItem[] {
    return this.itemFold.all;
  }

  /** The items changed since the last call: written in the same transaction as the cursor. */
  takeItemChanges(): PositionedItem[] {
    return this.itemFold.takeChanges();
  }

  /** True once a stream of this job arrived without sequence numbers (it cannot be resumed). */
  get unnumbered(): boolean {
    return this.numbering === 'unnumbered' || this.sawUnnumbered;
  }

  /** A new stream starts (the create stream, or a re-stream from just after the cursor). */
  beginStream(): void {
    this.numbering = 'undecided';
    // With nothing applied yet, the stream is the whole log from its start (a create, or a
    // re-stream without starting_after), so arrival order is the log's order.
    this.streamFromStart = this.cursor === -1;
  }

  apply(event: ResponseStreamEvent): FoldOutcome {
    const loose = event as { type: string; sequence_number?: unknown };
    const isError = loose.type === 'error';
    let seq = loose.sequence_number;
    if (typeof seq === 'number' && this.numbering !== 'unnumbered') {
      this.numbering = 'numbered';
    } else if (isError && this.numbering !== 'unnumbered') {
      // An unnumbered error frame in a numbered (or not yet known) stream: not part of the log.
      this.lastError = streamErrorOf(event);
      return 'error';
    } else if (this.numbering === 'numbered') {
      return 'ignored'; // an unknown unnumbered shape inside a numbered stream: tolerated
    } else if (this.numbering === 'undecided' && !this.streamFromStart) {
      this.sawUnnumbered = true;
      return 'unnumbered';
    } else {
      this.numbering = 'unnumbered';
      this.sawUnnumbered = true;
      seq = this.cursor + 1; // arrival order
    }
    if (typeof seq !== 'number' || seq <= this.cursor) return 'ignored';
    if (seq !== this.cursor + 1) return 'gap';
    this.cursor = seq;
    if (isError) {
      this.lastError = streamErrorOf(event);
      return 'error';
    }
    this.itemFold.apply(event as unknown as Record<string, unknown>);
    switch (event.type) {
      case 'response.output_item.added':
        // Read loosely: an item of an odd shape must not stop the fold.
        if (
          (event.item as { type?: unknown } | null)?.type === 'message' &&
          this.answerText.started
        ) {
          this.answerText.push(messageSeparator);
        }
        return 'text';
      case 'response.output_text.delta':
        this.answerText.push(event.delta);
        return 'text';
      case 'response.refusal.delta':
        this.answerText.push(event.delta);
        return 'text';
      case 'response.reasoning_summary_part.added':
        if (this.summaryText.started) this.summaryText.push(summaryPartSeparator);
        return 'text';
      case 'response.reasoning_summary_text.delta':
        this.summaryText.push(event.delta);
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
