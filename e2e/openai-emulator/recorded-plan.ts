// A response plan made from a real recorded stream: the recorded frames are served as they were
// (all released at once), so clients can be checked against exactly what OpenAI sent.
import { createParser } from 'eventsource-parser';
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

export function planFromRecording(id: string, sse: string): ResponsePlan {
  const first = framesOf(sse)[0]?.data.response;
  if (!first) throw new Error('a recording starts with response.created');
  // A fresh id per response, so one recording can be served many times.
  const frames = framesOf(sse.split(first.id).join(id));
  const progress = { started: true, summaryDeltas: 0, messageStarted: true, answerDeltas: 0 };
  const events: PlannedEvent[] = frames.map((frame, seq) => {
    if (frame.data.sequence_number !== seq)
      throw new Error(
        `recorded event ${seq} has sequence_number ${String(frame.data.sequence_number)}`,
      );
    return {
      seq,
      type: frame.type,
      frame: frame.raw,
      dueMs: 0,
      snapshot: frame.data.response,
      progress,
    };
  });
  const last = frames.at(-1)?.data.response;
  return {
    id,
    events,
    cancelledAt: () => ({ ...(last ?? first), id, status: 'cancelled' }),
    totalTokens: last?.usage?.total_tokens ?? 0,
  };
}
