// Test helpers for the recordings in e2e/fixtures/openai-recordings/real/: real Responses-API
// streams from other SDKs' and frameworks' test suites, normalized to one JSON shape.
import { readdirSync, readFileSync } from 'node:fs';
import { parseSse, recordingsDir } from './sse.js';

export interface RealRecording {
  /** Where it comes from: `owner/repo:path@commit`. */
  source: string;
  model: string;
  /** The create body as sent; null when the source did not keep it. */
  createRequest: Record<string, unknown> | null;
  create: {
    status: number;
    headers: Record<string, string>;
    /** The exact SSE frames in order, each `event: TYPE\ndata: JSON\n\n`. */
    frames: string[];
  };
}

export const realRecordingsDir = `${recordingsDir}real/`;

/** The file names in real/, sorted. */
export function realRecordingNames(): string[] {
  return readdirSync(realRecordingsDir)
    .filter((name) => name.endsWith('.json'))
    .sort();
}

export function readRealRecording(name: string): RealRecording {
  return JSON.parse(readFileSync(`${realRecordingsDir}${name}`, 'utf8')) as RealRecording;
}

/** The raw SSE text of the create stream: the frames joined with nothing between them. */
export function realSse(recording: RealRecording): string {
  return recording.create.frames.join('');
}

const terminalTypes = new Set(['response.completed', 'response.incomplete', 'response.failed']);

/** The final response object: the `response` of the terminal frame. */
export function finalResponse(recording: RealRecording): Record<string, unknown> {
  const terminal = parseSse(realSse(recording)).findLast((e) =>
    terminalTypes.has(e.data.type as string),
  );
  const response = terminal?.data.response;
  if (!response || typeof response !== 'object') throw new Error('no terminal frame');
  return response as Record<string, unknown>;
}
