// The fetch for streamed answers behaves as fetch does wherever the SDK or the engine looks: the
// event stream comes whole through the Node body, an HTTP error's text reaches the SDK's error
// through the web body, and failures have fetch's shapes (what the create window decides by).
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import OpenAI from 'openai';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyFailure } from './failure.js';
import { nodeBodyOf, streamingFetch } from './streaming-fetch.js';

const agent = new Agent();
const send = streamingFetch(agent);
let server: Server;
let base = '';
const routes = new Map<string, (res: ServerResponse) => void>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const route = routes.get(req.url ?? '');
    if (route) route(res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await agent.close();
});

async function textOf(body: AsyncIterable<Uint8Array>): Promise<string> {
  let text = '';
  for await (const chunk of body) text += Buffer.from(chunk).toString('utf8');
  return text;
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('it did not fail');
    },
    (error: unknown) => error,
  );
}

describe('the fetch for streamed answers', () => {
  it('hands the engine the whole event stream as the server sent it, with its headers', async () => {
    const frames = Array.from({ length: 50 }, (_, i) => `data: {"n":${i},"t":"é"}\n\n`);
    routes.set('/stream', (res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'x-request-id': 'req_1' });
      for (const frame of frames) res.write(frame);
      res.end();
    });
    const response = await send(`${base}/stream`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('req_1');
    const body = nodeBodyOf(response);
    expect(body).toBeDefined();
    expect(await textOf(body as AsyncIterable<Uint8Array>)).toBe(frames.join(''));
  });

  it("gives the SDK an HTTP error's sentence through the web body", async () => {
    routes.set('/v1/responses', (res) => {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ error: { message: 'Unknown model: gpt-0', code: 'model_not_found' } }),
      );
    });
    const sdk = new OpenAI({
      apiKey: 'sk-test',
      baseURL: `${base}/v1`,
      maxRetries: 0,
      fetch: send,
    });
    const thrown = await rejectionOf(sdk.responses.create({ model: 'gpt-0', input: 'Hi' }));
    expect(thrown).toBeInstanceOf(OpenAI.APIError);
    expect((thrown as InstanceType<typeof OpenAI.APIError>).status).toBe(400);
    expect((thrown as Error).message).toContain('Unknown model: gpt-0');
  });

  it('fails as fetch does when nothing could be sent: "fetch failed", with the cause', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const thrown = await rejectionOf(send(`http://127.0.0.1:${port}/`, { method: 'POST' }));
    expect(thrown).toBeInstanceOf(TypeError);
    expect((thrown as Error).message).toBe('fetch failed');
    expect(((thrown as Error).cause as { code?: string }).code).toBe('ECONNREFUSED');
    expect(classifyFailure(thrown, 'create').kind).toBe('not_sent');
  });

  it("rejects with the signal's reason once aborted, before the headers or in the body", async () => {
    routes.set('/silent', () => undefined); // never answers
    const before = new AbortController();
    const waiting = send(`${base}/silent`, { signal: before.signal });
    before.abort(new Error('stopped before the headers'));
    expect(await rejectionOf(waiting)).toEqual(new Error('stopped before the headers'));

    routes.set('/half', (res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: {}\n\n');
    });
    const during = new AbortController();
    const response = await send(`${base}/half`, { signal: during.signal });
    const chunks = (nodeBodyOf(response) as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
    expect((await chunks.next()).done).toBe(false);
    during.abort(new Error('stopped in the body'));
    expect(await rejectionOf(chunks.next())).toEqual(new Error('stopped in the body'));
  });

  it('says "terminated", with the cause, when the connection drops in the middle of the body', async () => {
    routes.set('/cut', (res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: {}\n\n', () => res.socket?.resetAndDestroy());
    });
    const response = await send(`${base}/cut`);
    const thrown = await rejectionOf(textOf(nodeBodyOf(response) as AsyncIterable<Uint8Array>));
    expect(thrown).toBeInstanceOf(TypeError);
    expect((thrown as Error).message).toBe('terminated');
    expect((thrown as Error).cause).toBeInstanceOf(Error);
    expect(classifyFailure(thrown, 'resume').kind).toBe('transient');
  });

  it('answers a bodiless status with no body', async () => {
    routes.set('/empty', (res) => res.writeHead(204).end());
    const response = await send(`${base}/empty`, { method: 'DELETE' });
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
  });
});
