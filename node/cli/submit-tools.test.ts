// `mull submit` tool flags, run as the real CLI against the emulator: deep research goes out with
// web search on its own, tool flags reach the create body, and a bad or unsupported tool is a
// usage error (exit 2) with nothing stored or sent.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { printedId, startCliHarness, type CliHarness } from './test-support/cli-harness.js';

let h: CliHarness;
beforeEach(async () => {
  h = await startCliHarness();
});
afterEach(() => h.close());

async function storedCount(): Promise<number> {
  const listed = await h.mull(['list', '--json']);
  expect(listed.code).toBe(0);
  return (JSON.parse(listed.stdout) as { total: number }).total;
}

describe('mull submit with tools', { timeout: 60_000 }, () => {
  it('a deep-research job is sent in background mode with web search, and the server takes it', async () => {
    // A short run: a real one takes minutes (see the emulator's "Tool runs").
    await h.emulator.control.addScript({
      script: {
        timing: { toolCallMs: 0 },
        toolRun: { searches: 3, openPages: 1, findInPage: 1, citations: 4 },
      },
    });
    const submitted = await h.mull(['submit', '-m', 'o3-deep-research', 'Research the primes']);
    expect(submitted.code).toBe(0);
    printedId(submitted);
    const [body] = await h.createBodies();
    expect(body).toMatchObject({
      model: 'o3-deep-research',
      background: true,
      tools: [{ type: 'web_search_preview' }],
    });
    const [response] = await h.emulator.control.responses();
    expect(response).toBeDefined();
    // It runs to its end on the server; `mull show --json` then gives its searches and citations.
    const id = printedId(submitted);
    expect((await h.mull(['wait', id])).code).toBe(0);
    const shown = await h.mull(['show', '--json', id]);
    expect(shown.code).toBe(0);
    const job = JSON.parse(shown.stdout) as {
      status: string;
      items: Array<{ type: string }>;
      sources: Array<{ number: number; url: string; title: string }>;
      citations: Array<{ source: number }>;
    };
    expect(job.status).toBe('completed');
    expect(job.items.filter((item) => item.type === 'web_search_call').length).toBeGreaterThan(1);
    expect(job.items.at(-1)?.type).toBe('message');
    expect(job.sources.length).toBeGreaterThan(1);
    expect(job.sources[0]?.number).toBe(1);
    expect(job.sources[0]?.url).toMatch(/^https:/u);
    expect(job.citations.length).toBeGreaterThanOrEqual(job.sources.length);
  });

  it('sends each tool flag in the API shape', async () => {
    const submitted = await h.mull([
      'submit',
      '-m',
      'gpt-4.1',
      '--web-search',
      '--code-interpreter',
      '--vector-store',
      'vs_a',
      '--vector-store',
      'vs_b',
      '--mcp',
      'docs=https://example.com/mcp',
      '--mcp-allow',
      'docs=search,fetch',
      '--max-tool-calls',
      '9',
      'With tools',
    ]);
    expect(submitted.code).toBe(0);
    const [body] = await h.createBodies();
    expect(body).toMatchObject({
      tools: [
        { type: 'web_search_preview' },
        { type: 'code_interpreter', container: { type: 'auto' } },
        { type: 'file_search', vector_store_ids: ['vs_a', 'vs_b'] },
        {
          type: 'mcp',
          server_label: 'docs',
          server_url: 'https://example.com/mcp',
          allowed_tools: ['search', 'fetch'],
          require_approval: 'never',
        },
      ],
      max_tool_calls: 9,
    });
  });

  it('refuses a malformed MCP URL with one sentence; nothing is stored or sent', async () => {
    const refused = await h.mull(['submit', '-m', 'gpt-4.1', '--mcp', 'bad=notaurl', 'x']);
    expect(refused.code).toBe(2);
    expect(refused.stderr.split('\n')[0]).toBe(
      "mull: The MCP server URL 'notaurl' is not a URL; give one like https://example.com/mcp.",
    );
    expect(await h.createBodies()).toEqual([]);
    expect(await storedCount()).toBe(0);
  });

  it('refuses a tool the model does not take, and other bad tool flags, as usage errors', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['-m', 'gpt-5-pro', '--code-interpreter'], /GPT-5 pro does not take code interpreter/],
      [['-m', 'o3-deep-research', '--code-interpreter'], /needs a data source to research/],
      [['--mcp', 'nolabel'], /--mcp takes LABEL=URL/],
      [['--mcp', 'a=https://a.example', '--mcp-allow', 'b=x'], /no --mcp gives/],
      [['--web-search', '--max-tool-calls', '0'], /--max-tool-calls must be a whole number/],
    ];
    for (const [flags, message] of cases) {
      const refused = await h.mull(['submit', ...flags, 'x']);
      expect(refused.code, flags.join(' ')).toBe(2);
      expect(refused.stderr).toMatch(message);
    }
    expect(await h.createBodies()).toEqual([]);
    expect(await storedCount()).toBe(0);
  });
});
