import { describe, expect, it } from 'vitest';
import {
  JobTemplate,
  fillTemplate,
  missingValuesSentence,
  placeholdersOf,
} from './job-template.js';

const review = {
  prompt: 'Review {{file}} for {{ audience }}. Focus on {{file}}’s error handling.',
  instructions: 'You review code for {{audience}}.',
};

describe('templates', () => {
  it('finds each placeholder once, in order, in the prompt and the instructions', () => {
    expect(placeholdersOf(review)).toEqual(['file', 'audience']);
    expect(placeholdersOf({ prompt: 'No placeholders, only {braces} and {{ }}.' })).toEqual([]);
  });

  it('fills every placeholder, and never reads a value for more placeholders', () => {
    expect(fillTemplate(review, { file: 'db.ts', audience: '{{file}} readers' })).toEqual({
      prompt: 'Review db.ts for {{file}} readers. Focus on db.ts’s error handling.',
      instructions: 'You review code for {{file}} readers.',
    });
  });

  it('names the placeholders left without a value', () => {
    const filled = fillTemplate(review, { file: 'db.ts' });
    expect(filled).toEqual({ missing: ['audience'] });
    expect(missingValuesSentence(['topic', 'audience', 'tone'])).toBe(
      'Give a value for {{topic}}, {{audience}} and {{tone}}.',
    );
  });

  it('refuses a template without a name or a model, with a sentence', () => {
    const parsed = JobTemplate.safeParse({ name: '  ', prompt: 'x', models: [] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.message)).toContain(
      'A template needs a name.',
    );
  });
});
