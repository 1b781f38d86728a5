// A response plan made from a real recorded stream: the recorded frames are served as they were
// (all released at once), so clients can be checked against exactly what OpenAI sent.
import { createParser } from 'eventsource-parser';
import { initialProgress } from './plan-events.js';
import type { PlannedEvent, ResponsePlan } from './response-plan.js';
import type { ResponseObject } from './response-object.js';

interface RecordedFrame {
  type: string;
  raw: string;
  data: { response?: ResponseObject; sequence_number?: number };
}

function framesOf(sse: string): RecordedFrame[] {
  const frames: RecordedFrame[] = [];
  const parser = createParser({
    onEvent: (message) => {
      const data = JSON.parse(message.data) as RecordedFrame['data'];
      frames.push({
        type: message.event ?? '',
        raw: `event: ${message.event ?? ''}\ndata: ${message.data}\n\n`,
        data,
      });
    },
  });
  parser.feed(sse);
  return frames;
}

/**
 * Sequence numbers must rise (a trimmed recording may skip some) or be absent from every frame
 * (an older API version: such a response cannot be re-streamed).
 */
function checkNumbers(frames: RecordedFrame[]): boolean {
  const sequenced = frames[0]?.data.sequence_number !== undefined;
  let last = -1;
  frames.forEach((frame, index) => {
    const seq = frame.data.sequence_number;
    if (!sequenced) {
      if (seq !== undefined) throw new Error(`recorded event ${index} has a sequence_number`);
      return;
    }
    if (seq === undefined || seq <= last)
      throw new Error(`recorded event ${index} has sequence_number ${String(seq)} after ${last}`);
    last = seq;
  });
  return sequenced;
}

export function planFromRecording(id: string, sse: string): ResponsePlan {
  const first = framesOf(sse)[0]?.data.response;
  if (!first) throw new Error('a recording starts with response.created');
  // A fresh id per response, so one recording can be served many times.
  const frames = framesOf(sse.split(first.id).join(id));
  const sequenced = checkNumbers(frames);
  const progress = { ...initialProgress(), started: true, messageStarted: true };
  const events: PlannedEvent[] = frames.map((frame, index) => ({
    seq: frame.data.sequence_number ?? index,
    type: frame.type,
    frame: frame.raw,
    dueMs: 0,
    snapshot: frame.data.response,
    progress,
  }));
  const last = frames.at(-1)?.data.response;
  return {
    id,
    events,
    sequenced,
    cancelledAt: () => ({ ...(last ?? first), id, status: 'cancelled' }),
    totalTokens: last?.usage?.total_tokens ?? 0,
  };
}
