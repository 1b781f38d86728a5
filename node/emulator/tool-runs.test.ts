// A create with tools runs them with the recordings' shapes: the same event types and the same
// field names for every kind of event, item, action and annotation as real/vercel-websearch-5mini,
// real/pyd-gpt5-codeinterp and vercel/ai's file-search and MCP streams; annotations point at the
// text they cite; the polled output is the streamed done-items, in order.
import { describe, expect, it } from 'vitest';
import { emulatorPerFile } from './test-support/emulator-per-file.js';
import { readRealRecording, realSse } from './test-support/real-recording.js';
import { parseSse, type SseEvent } from './test-support/sse.js';
import {
  eventTypes,
  recordedFileSearchShape,
  recordedFileSearchTypes,
  recordedMcpShape,
  recordedMcpTypes,
  shapeOf,
} from './test-support/tool-shapes.js';

const fx = emulatorPerFile();

async function streamed(body: Record<string, unknown>): Promise<SseEvent[]> {
  const res = await fetch(`${fx.emulator.baseURL}/responses`, {
    method: 'POST',
    headers: { authorization: 'Bearer sk-tool-runs', 'content-type': 'application/json' },
    body: JSON.stringify({ input: 'Tech news today?', stream: true, ...body }),
  });
  expect(res.status).toBe(200);
  return parseSse(await res.text());
}

function recorded(name: string): SseEvent[] {
  return parseSse(realSse(readRealRecording(name)));
}

/** Every kind the recording has, with the recording's field names. */
function expectShapesOf(emulated: SseEvent[], want: Map<string, string[]>): void {
  const got = shapeOf(emulated);
  for (const [kind, keys] of want) expect({ kind, keys: got.get(kind) }).toEqual({ kind, keys });
}

type Item = Record<string, unknown> & { type: string };
type Part = { type: string; text: string; annotations: Array<Record<string, unknown>> };

function doneItems(events: SseEvent[]): Item[] {
  return events
    .filter((e) => e.data.type === 'response.output_item.done')
    .map((e) => e.data.item as Item);
}

function finalOutput(events: SseEvent[]): Item[] {
  const last = events.at(-1)?.data;
  expect(last?.type).toBe('response.completed');
  return (last?.response as { output: Item[] }).output;
}

function answerPart(events: SseEvent[]): Part {
  const message = doneItems(events).findLast((i) => i.type === 'message');
  return (message?.content as Part[])[0] as Part;
}

function expectWellFormed(events: SseEvent[]): void {
  expect(events.map((e) => e.data.sequence_number)).toEqual(events.map((_, i) => i));
  expect(finalOutput(events)).toEqual(doneItems(events));
  // Output indexes count the items in order, and every item added is done.
  const added = events.filter((e) => e.data.type === 'response.output_item.added');
  expect(added.map((e) => e.data.output_index)).toEqual(added.map((_, i) => i));
  expect(doneItems(events)).toHaveLength(added.length);
}

describe('web search (as real/vercel-websearch-5mini.json)', () => {
  const request = {
    model: 'gpt-5-mini',
    tools: [{ type: 'web_search' }],
    include: ['web_search_call.action.sources'],
  };

  it('has the recording’s event types and field names, search, open_page and find_in_page', async () => {
    const events = await streamed(request);
    const real = recorded('vercel-websearch-5mini.json');
    expect(eventTypes(events)).toEqual(eventTypes(real));
    expectShapesOf(events, shapeOf(real));
    expectWellFormed(events);
  });

  it('the recording’s items in its order: reasoning between the calls, the same actions', async () => {
    await fx.emulator.control.addScript({
      script: { toolRun: { searches: 2, openPages: 1, findInPage: 3 } },
    });
    const steps = (items: Item[]) =>
      items.map((i) => [i.type, (i.action as { type?: string } | undefined)?.type].join(' '));
    expect(steps(doneItems(await streamed(request)))).toEqual(
      steps(doneItems(recorded('vercel-websearch-5mini.json'))),
    );
  });

  it('each url_citation spans its Markdown link in the final text, announced once it is out', async () => {
    const events = await streamed({ ...request, input: 'Tell me about 🧠 brain scans' });
    const part = answerPart(events);
    expect(part.annotations.length).toBe(3);
    let streamedText = '';
    let index = 0;
    for (const { data } of events) {
      if (data.type === 'response.output_text.delta') streamedText += data.delta as string;
      if (data.type !== 'response.output_text.annotation.added') continue;
      const a = data.annotation as { start_index: number; end_index: number; url: string };
      expect(data.annotation_index).toBe(index);
      expect(data.annotation).toEqual(part.annotations[index++]);
      // As recorded: the cited span is `([host](url))` and it is out when announced.
      expect(part.text.slice(a.start_index, a.end_index)).toMatch(
        /^\(\[[^\]]+\]\(https:\/\/[^)]+\)\)$/,
      );
      expect(part.text.slice(a.start_index, a.end_index)).toContain(a.url);
      expect(a.url).toMatch(/[?&]utm_source=openai$/);
      expect(streamedText.length).toBeGreaterThanOrEqual(a.end_index);
    }
    expect(streamedText).toBe(part.text);
  });

  it('sources only when include asks for them', async () => {
    const search = (items: Item[]) =>
      items.find((i) => (i.action as { type?: string } | undefined)?.type === 'search');
    const withSources = search(doneItems(await streamed(request)));
    expect((withSources?.action as { sources: unknown[] }).sources).toHaveLength(5);
    const without = search(doneItems(await streamed({ ...request, include: [] })));
    expect(Object.keys(without?.action as object).sort()).toEqual(['query', 'type']);
  });

  it('is the same run for the same prompt and seed (ids aside)', async () => {
    const strip = (items: Item[]) => JSON.stringify(items).replace(/"(\w+)_[0-9a-f]{48}"/g, '"$1"');
    const one = strip(doneItems(await streamed(request)));
    expect(strip(doneItems(await streamed(request)))).toBe(one);
  });
});

describe('code interpreter (as real/pyd-gpt5-codeinterp.json)', () => {
  const request = {
    model: 'gpt-5',
    tools: [{ type: 'code_interpreter', container: { type: 'auto' } }],
  };

  it('has the recording’s event types and field names; outputs null without include', async () => {
    await fx.emulator.control.addScript({ script: { toolRun: { codeCalls: 3 } } });
    const events = await streamed({
      ...request,
      reasoning: { effort: 'low', summary: 'detailed' },
    });
    const real = recorded('pyd-gpt5-codeinterp.json');
    expect(eventTypes(events)).toEqual(eventTypes(real));
    const want = shapeOf(real);
    // The recorded request asks for reasoning.encrypted_content; the emulator has none to give.
    for (const kind of [
      'response.output_item.added[reasoning]',
      'response.output_item.done[reasoning]',
    ])
      want.set(
        kind,
        (want.get(kind) ?? []).filter((k) => k !== 'item.encrypted_content'),
      );
    expectShapesOf(events, want);
    expectWellFormed(events);
    const calls = doneItems(events).filter((i) => i.type === 'code_interpreter_call');
    expect(calls).toHaveLength(3);
    expect(new Set(calls.map((c) => c.container_id)).size).toBe(1);
    expect(calls.every((c) => c.outputs === null)).toBe(true);
  });

  it('outputs are logs when include asks for code_interpreter_call.outputs; the code deltas fold', async () => {
    const events = await streamed({ ...request, include: ['code_interpreter_call.outputs'] });
    const call = doneItems(events).find((i) => i.type === 'code_interpreter_call');
    expect(call?.outputs).toEqual([
      { type: 'logs', logs: expect.stringMatching(/^\d+ \d+ [\d.]+\n$/) as unknown },
    ]);
    const code = events
      .filter((e) => e.data.type === 'response.code_interpreter_call_code.delta')
      .map((e) => e.data.delta as string)
      .join('');
    expect(code).toBe(call?.code);
  });
});

describe('file search (as vercel/ai openai-file-search-tool.2)', () => {
  const request = {
    model: 'gpt-5-mini',
    tools: [{ type: 'file_search', vector_store_ids: ['vs_abc'] }],
    include: ['file_search_call.results'],
  };

  it('has the recording’s event types and field names', async () => {
    const events = await streamed(request);
    expect(eventTypes(events)).toEqual(new Set(recordedFileSearchTypes));
    expectShapesOf(events, recordedFileSearchShape);
    expectWellFormed(events);
  });

  it('the file_citation index is where the citation sits in the text; results need include', async () => {
    await fx.emulator.control.addScript({ script: { toolRun: { fileSearches: 2 } } });
    const events = await streamed(request);
    const part = answerPart(events);
    const searches = doneItems(events).filter((i) => i.type === 'file_search_call');
    expect(part.annotations).toHaveLength(2);
    part.annotations.forEach((a, i) => {
      const result = (searches[i]?.results as Array<{ file_id: string; filename: string }>)[0];
      expect(a).toMatchObject({
        type: 'file_citation',
        file_id: result?.file_id,
        filename: result?.filename,
      });
      // As recorded: the citation leaves a space and the index points just after it.
      expect(part.text.slice((a.index as number) - 1, (a.index as number) + 1)).toBe(' .');
    });
    const plain = doneItems(await streamed({ ...request, include: [] }));
    expect(plain.find((i) => i.type === 'file_search_call')?.results).toBeNull();
  });
});

describe('MCP (as vercel/ai openai-mcp-tool.1)', () => {
  const request = {
    model: 'gpt-5-mini',
    tools: [
      {
        type: 'mcp',
        server_label: 'docs',
        server_url: 'https://example.com/mcp',
        require_approval: 'never',
      },
    ],
  };

  it('has the recording’s event types and field names, and its item order', async () => {
    const events = await streamed(request);
    expect(eventTypes(events)).toEqual(new Set(recordedMcpTypes));
    expectShapesOf(events, recordedMcpShape);
    expectWellFormed(events);
    // Recorded: mcp_list_tools, reasoning, mcp_call, reasoning, message.
    expect(doneItems(events).map((i) => i.type)).toEqual([
      'mcp_list_tools',
      'reasoning',
      'mcp_call',
      'reasoning',
      'message',
    ]);
    const call = doneItems(events)[2];
    expect(call).toMatchObject({ server_label: 'docs', name: 'search', error: null });
    expect(JSON.parse(call?.arguments as string)).toHaveProperty('query');
  });
});

describe('without tools the stream is as before', () => {
  it('a tool the emulator does not run (a function) changes nothing: reasoning, message, done', async () => {
    const events = await streamed({
      model: 'gpt-5-mini',
      tools: [{ type: 'function', name: 'f', parameters: {} }],
    });
    expect(doneItems(events).map((i) => i.type)).toEqual(['reasoning', 'message']);
    expect(answerPart(events).annotations).toEqual([]);
  });
});
