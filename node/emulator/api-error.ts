// OpenAI's error envelope: every failed request answers `{ error: { message, type, param, code } }`.
import type { ServerResponse } from 'node:http';

export interface ApiErrorBody {
  message: string;
  type: string;
  param: string | null;
  code: string | null;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.message);
  }
}

export function invalidRequest(
  message: string,
  param: string | null = null,
  code: string | null = null,
  status = 400,
): ApiError {
  return new ApiError(status, { message, type: 'invalid_request_error', param, code });
}

export function responseNotFound(id: string): ApiError {
  return invalidRequest(`Response with id '${id}' not found.`, null, null, 404);
}

/** The type OpenAI gives an error of this HTTP status when a fault does not name one. */
export function defaultErrorType(status: number): string {
  if (status === 429) return 'requests';
  if (status >= 500) return 'server_error';
  return 'invalid_request_error';
}

export function defaultErrorMessage(status: number, code: string | null | undefined): string {
  if (code === 'insufficient_quota') {
    return 'You exceeded your current quota, please check your plan and billing details.';
  }
  if (status === 429) return 'Rate limit reached for requests. Please try again in a moment.';
  if (status === 401) return 'Incorrect API key provided.';
  if (status === 403) return 'You are not allowed to access this resource.';
  if (status === 404) return 'Not found.';
  if (status >= 500)
    return 'The server had an error while processing your request. Sorry about that!';
  return 'Bad request.';
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text).toString(),
    ...headers,
  });
  res.end(text);
}

export function sendApiError(res: ServerResponse, error: ApiError): void {
  sendJson(res, error.status, { error: error.body }, error.headers);
}
