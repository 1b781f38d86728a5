// Exports of jobs with output items, from the real recordings: the Markdown has the answer with
// GFM footnotes for its citations, defined under "Sources", commentary and final answer as their
// own sections, the tool steps as a list, and says a refusal is one; the JSON keeps every item.
import { describe, expect, it } from 'vitest';
import type { Job, JobEvent } from '../../shared/job.js';
import { digestOf, messagesOf, OutputItem } from '../../shared/output-items.js';
import { finalResponse, readRealRecording } from '../emulator/test-support/real-recording.js';
import { sampleJob } from '../core/store/test-support/sample-job.js';
import { exportJob } from './export-job.js';

function recordedItems(name: string): OutputItem[] {
  return OutputItem.array().parse(finalResponse(readRealRecording(name)).output);
}

function finished(items: OutputItem[], overrides: Partial<Job> = {}): Job {
  return sampleJob({
    title: 'Research job',
    status: 'completed',
    responseId: 'resp_1',
    answer: 'the streamed text',
    outputDigest: digestOf(items),
    finishedAt: 1_700_000_100_000,
    ...overrides,
  });
}

function markdown(job: Job, items: OutputItem[]): string {
  return exportJob(job, [], items, 'markdown').content;
}

/** The lines of a `## heading` section, up to the next one. */
function section(text: string, heading: string): string {
  const start = text.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`no section ${heading}`);
  const rest = text.slice(start + heading.length + 5);
  const end = rest.indexOf('\n## ');
  return (end < 0 ? rest : rest.slice(0, end)).trim();
}

describe('Markdown export with output items', () => {
  const webSearch = recordedItems('vercel-websearch-5mini.json');

  it('marks citations as footnotes and defines them under Sources', () => {
    const text = markdown(finished(webSearch), webSearch);
    const answer = section(text, 'Answer');
    expect(answer).not.toContain('the streamed text');
    // 12 citations of 7 sources; the model's inline "([site](url))" marks become references.
    expect(answer.match(/\[\^\d+\]/gu)).toHaveLength(12);
    expect(new Set(answer.match(/\[\^\d+\]/gu))).toEqual(
      new Set(['[^1]', '[^2]', '[^3]', '[^4]', '[^5]', '[^6]', '[^7]']),
    );
    expect(answer).toContain('- Petco disclosed a customer-data exposure / security lapse. [^1]');
    expect(answer).not.toContain('([techcrunch.com](');

    const sources = section(text, 'Sources').split('\n');
    expect(sources).toHaveLength(7);
    expect(sources[0]).toBe(
      '[^1]: Petco confirms security lapse exposed customers’ personal data | TechCrunch — https://techcrunch.com/2025/12/05/petco-confirms-security-lapse-exposed-customers-personal-data/?utm_source=openai',
    );
    expect(sources[6]).toBe(
      '[^7]: AI coding startup Vercel raises $300 million, valued at $9.3 billion — https://finance.yahoo.com/news/ai-coding-startup-vercel-raises-163055044.html?utm_source=openai',
    );
  });

  it('lists the tool steps', () => {
    const steps = section(markdown(finished(webSearch), webSearch), 'Steps').split('\n');
    expect(steps).toHaveLength(6);
    expect(steps[0]).toMatch(
      /^- Searched: tech news today December 5 2025: wired\.com, barrons\.com, investors\.com/u,
    );
    expect(steps[2]).toBe(
      '- Opened: https://techcrunch.com/2025/12/05/petco-confirms-security-lapse-exposed-customers-personal-data/',
    );
    expect(steps[3]).toBe(
      '- Looked for “vercel” in https://www.wired.com/story/the-big-interview-2025-recap',
    );

    const code = recordedItems('pyd-gpt5-codeinterp.json');
    const text = markdown(finished(code), code);
    expect(section(text, 'Steps')).toBe('- Ran code\n- Ran code\n- Ran code');
    expect(section(text, 'Answer')).toMatch(/^123456\^123 equals:\n1803021063/u);
    expect(text).not.toContain('## Sources');
  });

  it('puts commentary and the final answer in their own sections', () => {
    const phases = recordedItems('vercel-phase-codex.json');
    const text = markdown(finished(phases), phases);
    expect(text).not.toContain('\n## Answer\n');
    expect(section(text, 'While working')).toMatch(/^Got it — I’ll quickly check reliable/u);
    expect(section(text, 'Final answer')).toMatch(/^Here are a few \*\*AI headlines for today/u);
    expect(text.indexOf('## While working')).toBeLessThan(text.indexOf('## Final answer'));
  });

  it('says a refusal is one', () => {
    const refusal = recordedItems('mira-refusal.json');
    const text = markdown(finished(refusal, { answer: '' }), refusal);
    expect(text).toContain('- Status: refused (completed with a refusal)');
    expect(section(text, 'Answer')).toBe(
      "> **Refused.** The model declined to answer: I'm sorry, I can't assist with that.",
    );
  });

  it('exports the streamed text of a job without items, as before', () => {
    const job = finished([], { answer: 'An **old** answer.', outputDigest: null });
    const text = markdown(job, []);
    expect(section(text, 'Answer')).toBe('An **old** answer.');
    expect(text).not.toContain('## Sources');
    expect(text).not.toContain('## Steps');
    expect(text).toContain('- Status: completed');
  });

  it('exports the streamed text of a job stopped before its last message arrived as an item', () => {
    const phases = recordedItems('vercel-phase-codex.json');
    const [working] = messagesOf(phases);
    const workingText = working?.parts[0]?.text ?? '';
    const job = finished(phases, {
      status: 'incomplete',
      answer: `${workingText}\n\nHere are a few`,
    });
    expect(section(markdown(job, phases.slice(0, 1)), 'Answer')).toBe(job.answer);
  });

  it('keeps a footnote reference a reference after "!" or "\\"', () => {
    const item: OutputItem = {
      type: 'message',
      content: [
        {
          type: 'output_text',
          text: 'Wow! And a\\',
          annotations: [
            {
              type: 'url_citation',
              url: 'https://a.example/',
              title: 'A',
              start_index: 4,
              end_index: 4,
            },
            {
              type: 'url_citation',
              url: 'https://b.example/',
              title: 'B',
              start_index: 11,
              end_index: 11,
            },
          ],
        },
      ],
    };
    const text = markdown(finished([item]), [item]);
    expect(section(text, 'Answer')).toBe('Wow! [^1] And a\\ [^2]');
  });
});

describe('JSON export', () => {
  it('has the job, every item as stored, and the timeline', () => {
    const items = recordedItems('vercel-websearch-5mini.json');
    const job = finished(items);
    const events: JobEvent[] = [{ jobId: job.id, at: 1, kind: 'submitted', detail: null }];
    const file = exportJob(job, events, items, 'json');
    expect(file.mimeType).toBe('application/json');
    expect(file.filename).toBe('research-job.json');
    expect(JSON.parse(file.content)).toEqual({ job, items, timeline: events });
    expect(Object.keys(JSON.parse(file.content) as object)).toEqual(['job', 'items', 'timeline']);
  });
});
