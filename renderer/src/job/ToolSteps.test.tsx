// @vitest-environment jsdom
// Tool activity as collapsible steps (real recordings): searches with their domains, pages opened,
// code with what it ran, and an item Mull does not know as its JSON. Nothing in a step loads.
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutputItem } from '../../../shared/output-items.js';
import { ApiProvider } from '../data/api-context.js';
import { createFakeApi } from '../test-support/fake-api.js';
import { ToolSteps } from './ToolSteps.js';
import { recordedItems } from './test-support/recordings.js';

afterEach(cleanup);

function renderSteps(items: OutputItem[], running = false) {
  const api = createFakeApi({ 'app:openExternal': () => ({ ok: true }) });
  const view = render(
    <ApiProvider api={api}>
      <ToolSteps items={items} running={running} />
    </ApiProvider>,
  );
  return { api, container: view.container };
}

function summaries(container: HTMLElement): string[] {
  return [...container.querySelectorAll('.tool-step > summary')].map(
    (summary) => summary.textContent,
  );
}

describe('web search steps (vercel-websearch-5mini)', () => {
  it('titles each step, with the domains a search found', () => {
    const { container } = renderSteps(recordedItems('webSearch'));
    const titles = [...container.querySelectorAll('.tool-step__title')].map((t) => t.textContent);
    expect(titles).toEqual([
      'Searched: tech news today December 5 2025',
      'Searched: site:theverge.com "December 5, 2025" "technology"',
      'Opened: https://techcrunch.com/2025/12/05/petco-confirms-security-lapse-exposed-customers-personal-data/',
      'Looked for “vercel” in https://www.wired.com/story/the-big-interview-2025-recap',
      'Looked for “Vercel” in https://www.wired.com/story/the-big-interview-2025-recap',
      'Looked for “vercel” in https://techcrunch.com/2025/12/05/petco-confirms-security-lapse-exposed-customers-personal-data/',
    ]);
    expect(summaries(container)[0]).toContain(
      'wired.com, barrons.com, investors.com, finance.yahoo.com',
    );
    expect(screen.getByText('2 searches, 4 pages read')).toBeTruthy();
  });

  it('is closed once the job is done, open while it runs; each step opens', async () => {
    const user = userEvent.setup();
    const { container } = renderSteps(recordedItems('webSearch'));
    const section = container.querySelector('details.tool-steps') as HTMLDetailsElement;
    expect(section.open).toBe(false);
    cleanup();
    const running = renderSteps(recordedItems('webSearch'), true).container;
    expect((running.querySelector('details.tool-steps') as HTMLDetailsElement).open).toBe(true);

    const first = running.querySelector('details.tool-step') as HTMLDetailsElement;
    expect(first.open).toBe(false);
    // (Enter and Space on a summary are the browser's; e2e/research-job.spec.ts presses them.)
    await user.click(first.querySelector('summary') as HTMLElement);
    expect(first.open).toBe(true);
    const found = within(first).getByRole('list', { name: 'Sources found' });
    expect(within(found).getAllByRole('listitem').length).toBeGreaterThan(3);
  });
});

describe('code interpreter steps (pyd-gpt5-codeinterp)', () => {
  it('shows "Ran code" with the code it ran', () => {
    const { container } = renderSteps(recordedItems('codeInterpreter'));
    expect(summaries(container)).toEqual(['Ran code', 'Ran code', 'Ran code']);
    const code = [...container.querySelectorAll('.tool-step pre code')].map((c) => c.textContent);
    expect(code).toEqual(['n = pow(123456, 123)\nlen(str(n))', 'str(n)[:100], str(n)[-100:]', 'n']);
    expect(screen.getAllByText('No output was kept.')).toHaveLength(3);
  });

  it('shows logs as output and an image only by its address', () => {
    const { container } = renderSteps([
      {
        type: 'code_interpreter_call',
        status: 'completed',
        code: 'print(6 * 7)',
        container_id: 'cntr_1',
        outputs: [
          { type: 'logs', logs: '42\n' },
          { type: 'image', url: 'https://files.example/plot.png' },
        ],
      },
    ]);
    const blocks = [...container.querySelectorAll('.tool-step__block')].map((b) => b.textContent);
    expect(blocks).toEqual(['Codeprint(6 * 7)', 'Output42\n']);
    expect(screen.getByText('https://files.example/plot.png')).toBeTruthy();
    expect(container.querySelectorAll('img, [src]')).toHaveLength(0);
  });
});

describe('other steps', () => {
  it('shows MCP calls with arguments and output, and unknown items as JSON', () => {
    const { container } = renderSteps([
      {
        type: 'mcp_call',
        server_label: 'docs',
        name: 'lookup',
        arguments: '{"q":"mull"}',
        output: 'found it',
        error: null,
        status: 'completed',
      },
      { type: 'image_generation_call', status: 'generating', id: 'ig_1' },
    ]);
    expect(summaries(container)).toEqual([
      'Called docs: lookup',
      'image_generation_callgenerating',
    ]);
    const blocks = [...container.querySelectorAll('.tool-step__block')].map((b) => b.textContent);
    expect(blocks[0]).toBe('Arguments{\n  "q": "mull"\n}');
    expect(blocks[1]).toBe('Outputfound it');
    expect(blocks[2]).toContain('"type": "image_generation_call"');
  });

  it('shows nothing without steps', () => {
    const { container } = renderSteps(recordedItems('refusal'));
    expect(container.textContent).toBe('');
  });
});
