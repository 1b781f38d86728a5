// The control API under /_emulator/: how a test scripts the server over HTTP. Documented in the
// README; the typed client for it is control-client.ts.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { ApiError, sendJson } from './api-error.js';
import type { EmulatorState } from './emulator-state.js';
import type { ResponseRun } from './response-run.js';
import {
  RequestFault,
  type EmulatorConfigInput,
  type KeyPolicyInput,
  type ResponsePatchInput,
  type ScriptRuleInput,
} from './script.js';

export const controlPrefix = '/_emulator/';

export interface ResponseSummary {
  id: string;
  status: string;
  model: unknown;
  eventsReleased: number;
  closed: boolean;
  expired: boolean;
  ageMs: number;
  pendingStreamFaults: number;
}

export function summarize(run: ResponseRun): ResponseSummary {
  return {
    id: run.id,
    status: run.snapshot.status,
    model: run.snapshot.model,
    eventsReleased: run.releasedCount,
    closed: run.isClosed,
    expired: run.expired,
    ageMs: Math.round(run.virtualAgeMs),
    pendingStreamFaults: run.pendingStreamFaults.length,
  };
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  return text.trim() === '' ? {} : (JSON.parse(text) as unknown);
}

export async function handleControlRequest(
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const method = req.method ?? 'GET';
  const parts = url.pathname
    .slice(controlPrefix.length)
    .split('/')
    .filter(Boolean)
    .map(decodeURIComponent);
  try {
    const body = method === 'GET' || method === 'DELETE' ? undefined : await readBody(req);
    const result = control(state, `${method} ${parts[0] ?? ''}`, parts[1], body, url.searchParams);
    if (result === undefined) {
      sendJson(res, 404, { error: `Unknown control endpoint: ${method} ${url.pathname}` });
    } else {
      sendJson(res, 200, result);
    }
  } catch (error) {
    if (error instanceof z.ZodError) sendJson(res, 400, { error: z.prettifyError(error) });
    else if (error instanceof SyntaxError)
      sendJson(res, 400, { error: `Invalid JSON: ${error.message}` });
    else if (error instanceof ApiError) sendJson(res, error.status, { error: error.message });
    else throw error;
  }
}

/** Runs one control call; undefined when there is no such endpoint. */
function control(
  state: EmulatorState,
  call: string,
  id: string | undefined,
  body: unknown,
  query: URLSearchParams,
): unknown {
  const done = { ok: true };
  switch (call) {
    case 'GET health':
      return done;
    case 'POST reset':
      state.reset();
      return done;
    case 'GET config':
      return state.config;
    case 'PUT config':
      return state.configure(body as EmulatorConfigInput);
    case 'GET requests':
      return state.log.list({
        kind: query.get('kind') ?? undefined,
        responseId: query.get('responseId') ?? undefined,
      });
    case 'DELETE requests':
      state.log.clear();
      return done;
    case 'GET scripts':
      return state.listRules();
    case 'POST scripts':
      return { id: state.addRule(body as ScriptRuleInput) };
    case 'DELETE scripts':
      state.clearRules();
      return done;
    case 'GET faults':
      return state.faults.list();
    case 'POST faults':
      return { id: state.faults.add(RequestFault.parse(body)) };
    case 'DELETE faults':
      state.faults.clear();
      return done;
    case 'GET keys':
      return { allowed: state.keys.allowed?.length ?? null, revoked: state.keys.revoked.length };
    case 'PUT keys':
      state.setKeys(body as KeyPolicyInput);
      return done;
    case 'GET responses': {
      if (id === undefined) return state.allRuns().map(summarize);
      const run = state.allRuns().find((r) => r.id === id);
      if (!run)
        throw new ApiError(404, {
          message: `No response with id '${id}'.`,
          type: 'invalid_request_error',
          param: null,
          code: null,
        });
      return { ...summarize(run), response: run.snapshot, script: run.script };
    }
    case 'PATCH responses':
      return summarize(state.patchResponse(id ?? '', body as ResponsePatchInput));
    default:
      return undefined;
  }
}
