// Tools on a create: deep research refuses a request without a data-source tool with the real
// API's 400, and tools sent are echoed in the response object's `tools`.
import { describe, expect, it } from 'vitest';
import { emulatorPerFile } from './test-support/emulator-per-file.js';

const fx = emulatorPerFile();

async function create(body: Record<string, unknown>): Promise<Response> {
  return fetch(`${fx.emulator.baseURL}/responses`, {
    method: 'POST',
    headers: { authorization: 'Bearer sk-tools', 'content-type': 'application/json' },
    body: JSON.stringify({ input: 'Research the primes.', background: true, ...body }),
  });
}

describe('deep research and data-source tools', () => {
  for (const model of ['o3-deep-research', 'o4-mini-deep-research-2025-06-26']) {
    it(`${model} without tools is refused with 400 naming 'tools'`, async () => {
      const res = await create({ model });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({
        error: {
          message:
            "Deep research models require at least one of 'web_search_preview', 'mcp', or 'file_search' tools.",
          type: 'invalid_request_error',
          param: 'tools',
          code: null,
        },
      });
    });
  }

  it('code interpreter alone is no data source: still refused', async () => {
    const res = await create({
      model: 'o3-deep-research',
      tools: [{ type: 'code_interpreter', container: { type: 'auto' } }],
    });
    expect(res.status).toBe(400);
  });

  it('with web search it is accepted, and the tools and max_tool_calls are echoed', async () => {
    const tools = [
      { type: 'web_search_preview' },
      {
        type: 'mcp',
        server_label: 'docs',
        server_url: 'https://example.com/mcp',
        require_approval: 'never',
      },
    ];
    const res = await create({ model: 'o3-deep-research', tools, max_tool_calls: 7 });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.tools).toEqual(tools);
    expect(body.max_tool_calls).toBe(7);
  });

  it('a model that needs no data source takes no tools, as before', async () => {
    const res = await create({ model: 'gpt-4.1' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Record<string, unknown>).tools).toEqual([]);
  });
});
