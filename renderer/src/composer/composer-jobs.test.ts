import { describe, expect, it } from 'vitest';
import { estimateCostRange, estimatePromptTokens } from '../../../shared/cost.js';
import { findModel } from '../../../shared/models.js';
import {
  composeJobs,
  composerTools,
  estimateJobsCost,
  maxOutputProblem,
  splitPrompts,
  type ComposerOptions,
} from './composer-jobs.js';

const options: ComposerOptions = {
  model: 'gpt-5',
  providerId: 'openai',
  effort: 'high',
  reasoningSummary: true,
  maxOutputTokens: undefined,
};

describe('splitPrompts', () => {
  it('keeps one prompt whole unless asked to split', () => {
    expect(splitPrompts('a\n---\nb', false)).toEqual(['a\n---\nb']);
  });

  it('splits at lines holding only ---, dropping blank pieces', () => {
    expect(
      splitPrompts('first\n---\nsecond\n  ---  \n\n---\nthird --- not a separator', true),
    ).toEqual(['first', 'second', 'third --- not a separator']);
  });

  it('gives nothing for blank text', () => {
    expect(splitPrompts('  \n---\n ', true)).toEqual([]);
  });
});

describe('composeJobs', () => {
  it('makes N copies of every prompt with the chosen options', () => {
    const jobs = composeJobs(['a', 'b'], 2, options);
    expect(jobs.map((job) => job.prompt)).toEqual(['a', 'a', 'b', 'b']);
    expect(jobs[0]).toEqual({
      prompt: 'a',
      model: 'gpt-5',
      providerId: 'openai',
      effort: 'high',
      reasoningSummary: 'auto',
    });
  });

  it('leaves out what was not chosen', () => {
    const [job] = composeJobs(['a'], 1, {
      ...options,
      effort: null,
      reasoningSummary: false,
      maxOutputTokens: 500,
    });
    expect(job).toEqual({
      prompt: 'a',
      model: 'gpt-5',
      providerId: 'openai',
      maxOutputTokens: 500,
    });
  });
});

describe('estimateJobsCost', () => {
  it('adds up the range of every job', () => {
    const model = findModel('gpt-5');
    if (!model) throw new Error('gpt-5 is in the registry');
    const one = estimateCostRange(model, estimatePromptTokens('hello there'), 2000);
    const range = estimateJobsCost(['hello there', 'hello there'], 3, model, 2000);
    expect(range?.low).toBeCloseTo(one.low * 6, 12);
    expect(range?.high).toBeCloseTo(one.high * 6, 12);
  });

  it('is unknown for a model without a price', () => {
    expect(estimateJobsCost(['x'], 1, undefined, undefined)).toBeNull();
  });
});

describe('maxOutputProblem', () => {
  it('accepts empty and sensible values and refuses others', () => {
    const model = findModel('gpt-5');
    expect(maxOutputProblem('', model)).toBeNull();
    expect(maxOutputProblem('4000', model)).toBeNull();
    expect(maxOutputProblem('8', model)).toMatch(/16 or more/);
    expect(maxOutputProblem('1.5', model)).toMatch(/whole number/);
    expect(maxOutputProblem('999999', model)).toMatch(/at most 128,000/);
  });
});

describe('composerTools', () => {
  const none = { webSearch: false, codeInterpreter: false };

  it('offers web search and code interpreter only to models that take them', () => {
    expect(composerTools(findModel('gpt-4.1'), none).offers).toEqual({
      webSearch: true,
      codeInterpreter: true,
    });
    expect(composerTools(findModel('gpt-5-pro'), none).offers).toEqual({
      webSearch: true,
      codeInterpreter: false,
    });
    expect(composerTools(undefined, { webSearch: true, codeInterpreter: true })).toMatchObject({
      offers: { webSearch: false, codeInterpreter: false },
      tools: undefined,
    });
  });

  it('sends nothing unless ticked, and what is ticked', () => {
    const model = findModel('gpt-4.1');
    expect(composerTools(model, none).tools).toBeUndefined();
    expect(composerTools(model, { webSearch: true, codeInterpreter: true }).tools).toEqual({
      webSearch: true,
      codeInterpreter: true,
    });
  });

  it('keeps web search on for deep research, which needs a data source', () => {
    const tools = composerTools(findModel('o3-deep-research'), none);
    expect(tools).toMatchObject({
      webSearchRequired: true,
      shown: { webSearch: true, codeInterpreter: false },
      tools: { webSearch: true },
    });
  });

  it('drops a tick the model does not take (a choice made for another model)', () => {
    expect(
      composerTools(findModel('gpt-5-pro'), { webSearch: false, codeInterpreter: true }).tools,
    ).toBeUndefined();
  });

  it('goes into every composed job', () => {
    const [job] = composeJobs(['a'], 1, { ...options, tools: { webSearch: true } });
    expect(job?.tools).toEqual({ webSearch: true });
  });
});
