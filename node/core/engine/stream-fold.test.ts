// The fold's exactly-once rule for the shapes the real API sends beyond plain text events:
// numbered error frames (part of the log) and streams with no sequence numbers at all.
import { describe, expect, it } from 'vitest';
import type { ResponseStreamEvent } from '../provider/responses-client.js';
import { streamErrorOf } from './stream-fold.js';
import { freshFold } from './test-support/fresh-fold.js';

const event = (fields: Record<string, unknown>) => fields as unknown as ResponseStreamEvent;
const response = (status: string) => ({ id: 'resp_1', status, model: 'gpt-5-2025-08-07' });
const created = (seq?: number) =>
  event({ type: 'response.created', response: response('queued'), sequence_number: seq });
const delta = (text: string, seq?: number) =>
  event({ type: 'response.output_text.delta', delta: text, sequence_number: seq });

describe('error frames', () => {
  it('a numbered error frame is part of the log: the cursor moves past it, once', () => {
    const fold = freshFold();
    fold.beginStream();
    expect(fold.apply(created(0))).toBe('status');
    const frame = event({
      type: 'error',
      sequence_number: 1,
      error: { type: 'insufficient_quota', code: 'insufficient_quota', message: 'No credit.' },
    });
    expect(fold.apply(frame)).toBe('error');
    expect(fold.cursor).toBe(1);
    expect(fold.lastError).toEqual({ code: 'insufficient_quota', message: 'No credit.' });
    // A replay that meets it again changes nothing.
    expect(fold.apply(frame)).toBe('ignored');
    expect(fold.apply(delta('x', 2))).toBe('text');
    expect(fold.answer).toBe('x');
  });

  it('reads the flat and the nested shape', () => {
    expect(streamErrorOf({ type: 'error', code: 'server_error', message: 'Oops.' })).toEqual({
      code: 'server_error',
      message: 'Oops.',
    });
    expect(
      streamErrorOf({ type: 'error', error: { type: 'rate_limit', message: 'Slow.' } }),
    ).toEqual({ code: 'rate_limit', message: 'Slow.' });
    expect(streamErrorOf({ type: 'error' })).toEqual({
      code: 'server_error',
      message: 'The server reported an error.',
    });
  });

  it('an unnumbered error frame in a numbered stream is noted, not applied', () => {
    const fold = freshFold();
    fold.beginStream();
    fold.apply(created(0));
    expect(fold.apply(event({ type: 'error', code: 'x', message: 'y' }))).toBe('error');
    expect(fold.cursor).toBe(0);
    expect(fold.apply(delta('a', 1))).toBe('text');
  });
});

describe('streams without sequence numbers', () => {
  it('the create stream is folded in arrival order with a local counter', () => {
    const fold = freshFold();
    fold.beginStream();
    expect(fold.apply(created())).toBe('status');
    expect(fold.apply(delta('The'))).toBe('text');
    expect(fold.apply(delta(' capital'))).toBe('text');
    expect(fold.cursor).toBe(2);
    expect(fold.answer).toBe('The capital');
    expect(fold.unnumbered).toBe(true);
  });

  it('a re-stream without numbers cannot be spliced onto the cursor', () => {
    const fold = freshFold();
    fold.beginStream();
    fold.apply(created(0));
    fold.apply(delta('a', 1));
    fold.beginStream(); // a resume from cursor 1
    expect(fold.apply(delta('a'))).toBe('unnumbered');
    expect(fold.answer).toBe('a');
    expect(fold.unnumbered).toBe(true);
  });

  it('an unknown unnumbered shape inside a numbered stream is tolerated, never applied', () => {
    const fold = freshFold();
    fold.beginStream();
    fold.apply(created(0));
    expect(fold.apply(event({ type: 'response.something_new' }))).toBe('ignored');
    expect(fold.apply(delta('b', 1))).toBe('text');
    expect(fold.unnumbered).toBe(false);
  });
});
