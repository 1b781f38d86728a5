// @vitest-environment jsdom
// A long answer that grows by appends re-parses only its last block: the settled blocks' elements
// stay as they were, and the whole text renders as it would in one piece.
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider } from '../data/api-context.js';
import { createFakeApi } from '../test-support/fake-api.js';
import { Markdown } from './Markdown.js';

afterEach(cleanup);

const section = (n: number) =>
  `## Part ${n}\n\nSome **bold** text ${n} with \`code\`.\n\n- one\n- two\n\n\`\`\`ts\nconst x = ${n};\n\n// blank line inside the fence\n\`\`\`\n\n`;

describe('Markdown while it streams', () => {
  it('keeps settled blocks and renders what one piece would', () => {
    const api = createFakeApi();
    let text = '';
    const { container, rerender } = render(
      <ApiProvider api={api}>
        <Markdown text={text} />
      </ApiProvider>,
    );
    text = section(1) + section(2);
    rerender(
      <ApiProvider api={api}>
        <Markdown text={text} />
      </ApiProvider>,
    );
    const firstHeading = container.querySelector('h2');
    for (let n = 3; n < 60; n++) {
      text += section(n);
      act(() =>
        rerender(
          <ApiProvider api={api}>
            <Markdown text={text} />
          </ApiProvider>,
        ),
      );
    }
    expect(container.querySelector('h2')).toBe(firstHeading);
    expect(container.querySelectorAll('h2')).toHaveLength(59);
    expect(container.querySelectorAll('pre')).toHaveLength(59);
    expect(container.querySelector('pre')?.textContent).toContain('blank line inside the fence');
  });
});
