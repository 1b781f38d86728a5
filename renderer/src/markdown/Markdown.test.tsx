// @vitest-environment jsdom
// Model output is untrusted: none of markdown-it's XSS cases, nor the extra ones below, may leave a
// script, an event handler, a navigable link or anything that loads in the rendered answer.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
// The fixture is data shared with the e2e tests, read as text at build time.
// eslint-disable-next-line no-restricted-imports
import xssFixture from '../../../e2e/fixtures/xss/markdown-it-xss.txt?raw';
import { ApiProvider } from '../data/api-context.js';
import { createFakeApi } from '../test-support/fake-api.js';
import { xssInputs } from '../test-support/xss-cases.js';
import { Markdown } from './Markdown.js';

const extraCases = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '<iframe src="https://example.com"></iframe>',
  '<svg><script>alert(1)</script></svg>',
  '[x](javascript:alert(1))',
  '[x](  JaVaScRiPt:alert(1))',
  '[x](java\tscript:alert(1))',
  '[x](data:text/html,<script>alert(1)</script>)',
  '[x](vbscript:msgbox(1))',
  '[x](file:///etc/passwd)',
  '[x](//evil.example/a)',
  '![pixel](https://evil.example/p.png)',
  '![x](javascript:alert(1))',
  '$\\href{javascript:alert(1)}{click}$',
  '$$\\url{javascript:alert(1)}$$',
  '$\\includegraphics{https://evil.example/x.png}$',
  '<https://evil.example/auto>',
  'www.evil.example',
  '[ref]\n\n[ref]: javascript:alert(1)',
];

function renderAnswer(text: string) {
  const api = createFakeApi({ 'app:openExternal': () => ({ ok: true }) });
  const view = render(
    <ApiProvider api={api}>
      <Markdown text={text} />
    </ApiProvider>,
  );
  return { api, container: view.container };
}

function assertInert(container: HTMLElement): void {
  expect(
    container.querySelectorAll(
      'script, iframe, frame, object, embed, img, image, video, audio, link, meta, base, form',
    ),
  ).toHaveLength(0);
  // No element can navigate or fetch: links are buttons, nothing has a source.
  expect(
    container.querySelectorAll('a[href], [src], [srcset], [xlink\\:href], [action]'),
  ).toHaveLength(0);
  for (const element of container.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      expect(
        attribute.name.toLowerCase().startsWith('on'),
        `${element.tagName} ${attribute.name}`,
      ).toBe(false);
      expect(attribute.value).not.toMatch(/^\s*(javascript|vbscript|data):/iu);
    }
  }
}

afterEach(cleanup);

describe('Markdown answers', () => {
  const fixtureCases = xssInputs(xssFixture);

  it('reads every case of the fixture (three `.` lines each)', () => {
    const separators = xssFixture.split('\n').filter((line) => line === '.').length;
    expect(fixtureCases.length).toBe(separators / 3);
    expect(fixtureCases.length).toBeGreaterThan(10);
  });

  it.each(fixtureCases.map((input, index) => [index, input] as const))(
    'markdown-it XSS case %i is inert',
    (_index, input) => assertInert(renderAnswer(input).container),
  );

  it.each(extraCases)('%j is inert', (input) => assertInert(renderAnswer(input).container));

  it('shows raw HTML as text', () => {
    const { container } = renderAnswer('<script>alert(1)</script>');
    expect(container.textContent).toContain('<script>alert(1)</script>');
  });

  it('shows an image as its description and address, without loading it', () => {
    const { container } = renderAnswer('![a chart](https://example.com/chart.png)');
    expect(container.textContent).toContain('a chart');
    expect(container.textContent).toContain('https://example.com/chart.png');
  });

  it('opens an https link through app:openExternal', () => {
    const { api } = renderAnswer('[docs](https://example.com/docs)');
    fireEvent.click(screen.getByRole('button', { name: 'docs' }));
    expect(api.calls).toContainEqual({
      channel: 'app:openExternal',
      request: { url: 'https://example.com/docs' },
    });
  });

  it('keeps an http link as text with its address', () => {
    const { container } = renderAnswer('[plain](http://example.com/)');
    expect(screen.queryByRole('button')).toBeNull();
    expect(container.textContent).toContain('http://example.com/');
  });

  it('renders GFM tables, math and highlighted code', () => {
    const { container } = renderAnswer(
      '| a | b |\n|---|---|\n| 1 | 2 |\n\n$E = mc^2$\n\n```ts\nconst x: number = 1;\n```',
    );
    expect(container.querySelector('table')).not.toBeNull();
    expect(container.querySelector('.katex')).not.toBeNull();
    expect(container.querySelector('code.hljs .hljs-keyword')).not.toBeNull();
  });
});
