// A deep-research model runs a long plan: hundreds of events over minutes of virtual time (played
// fast here with the speed factor), dozens of searches with sources and pages opened, a report
// with dozens of url_citation annotations that ends with its sources. A resume from the middle
// gives the rest of the same log, through faults and chunking too.
import type {
  ResponseCreateParamsStreaming,
  ResponseStreamEvent,
} from 'openai/resources/responses/responses';
import { describe, expect, it } from 'vitest';
import { emulatorPerFile } from './test-support/emulator-per-file.js';
import { collect, lastSeq, responseIdOf } from './test-support/sdk.js';

const fx = emulatorPerFile();

const deepResearch: ResponseCreateParamsStreaming = {
  model: 'o3-deep-research',
  input: 'How do heat pumps work in cold climates?',
  background: true,
  stream: true,
  store: true,
  tools: [{ type: 'web_search_preview' }],
  include: ['web_search_call.action.sources'],
};

async function run() {
  // 28 calls of 5 s each: over two virtual minutes, a fraction of a second at this speed. The
  // re-stream age limit (5 virtual minutes) would pass while the test reads: a day instead.
  await fx.emulator.control.configure({ speed: 5_000, restreamMaxAgeMs: 86_400_000 });
  return collect(await fx.client.responses.create(deepResearch));
}

function doneItems(events: ResponseStreamEvent[]) {
  return events.flatMap((e) => (e.type === 'response.output_item.done' ? [e.item] : []));
}

describe('a deep-research run', () => {
  it('is long: many searches with sources, pages opened, dozens of citations, minutes of virtual time', async () => {
    const first = await run();
    expect(first.error).toBeUndefined();
    expect(first.events.length).toBeGreaterThan(300);
    expect(first.events.map((e) => e.sequence_number)).toEqual(first.events.map((_, i) => i));
    const calls = doneItems(first.events).flatMap((i) => (i.type === 'web_search_call' ? [i] : []));
    const actions = calls.map((c) => c.action.type);
    expect(actions.filter((a) => a === 'search').length).toBeGreaterThanOrEqual(10);
    expect(actions).toContain('open_page');
    expect(actions).toContain('find_in_page');
    for (const c of calls)
      if (c.action.type === 'search') expect(c.action.sources?.length).toBeGreaterThan(0);
    const annotations = first.events.filter(
      (e) => e.type === 'response.output_text.annotation.added',
    );
    expect(annotations.length).toBeGreaterThanOrEqual(24);
    expect(first.text).toMatch(/## Sources\n\n1\. \[[^\]]+\]\(https:\/\/[^)]+\)/);

    // Virtual time: the last event is due minutes after the start.
    const live = fx.emulator.state.findRun(responseIdOf(first));
    expect(live.event(lastSeq(first))?.dueMs).toBeGreaterThan(120_000);

    // The polled output is the streamed done-items, in order.
    const polled = await fx.client.responses.retrieve(responseIdOf(first));
    expect(polled.status).toBe('completed');
    expect(polled.output).toEqual(doneItems(first.events));
  });

  it('a resume from the middle gives the rest of the same log', async () => {
    const first = await run();
    const middle = Math.floor(first.events.length / 2);
    const rest = await collect(
      await fx.client.responses.retrieve(responseIdOf(first), {
        stream: true,
        starting_after: middle,
      }),
    );
    expect(rest.events).toEqual(first.events.slice(middle + 1));
  });

  it('a reset mid-run, with chunked bytes, then a resume: the same events as a clean replay', async () => {
    const middle = 150;
    await fx.emulator.control.addScript({
      match: { model: 'o3-deep-research' },
      script: {
        streamFaults: [{ kind: 'reset', afterSeq: middle }],
        chunking: { maxBytes: 40, seed: 3 },
      },
    });
    const cut = await run();
    expect(cut.error).toBeDefined();
    expect(lastSeq(cut)).toBe(middle);
    const id = responseIdOf(cut);
    const rest = await collect(
      await fx.client.responses.retrieve(id, { stream: true, starting_after: lastSeq(cut) }),
    );
    const whole = await collect(
      await fx.client.responses.retrieve(id, { stream: true, starting_after: -1 }),
    );
    expect([...cut.events, ...rest.events]).toEqual(whole.events);
    expect(whole.events.at(-1)?.type).toBe('response.completed');
  });

  it('the counts and the tool time are script knobs', async () => {
    await fx.emulator.control.addScript({
      script: {
        toolRun: { searches: 3, openPages: 0, findInPage: 0, citations: 5 },
        timing: { toolCallMs: 0 },
      },
    });
    const short = await collect(await fx.client.responses.create(deepResearch));
    const calls = doneItems(short.events).filter((i) => i.type === 'web_search_call');
    expect(calls).toHaveLength(3);
    expect(
      short.events.filter((e) => e.type === 'response.output_text.annotation.added'),
    ).toHaveLength(5);
  });

  it('max_tool_calls caps the calls, as on the API', async () => {
    await fx.emulator.control.configure({ speed: 5_000 });
    const body = { ...deepResearch, max_tool_calls: 4 }; // not in this SDK version's types
    const capped = await collect(await fx.client.responses.create(body));
    expect(doneItems(capped.events).filter((i) => i.type === 'web_search_call')).toHaveLength(4);
  });
});
