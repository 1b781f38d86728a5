// Full-text search: the index follows every insert, update and delete; words in any script,
// accents folded; whatever a person types is searched as text and never breaks the query.
import { describe, expect, it } from 'vitest';
import type { Database } from './open-database.js';
import { rankedMatches } from './job-store.js';
import { sampleJob } from './test-support/sample-job.js';
import { useTestDatabases } from './test-support/test-databases.js';

const databases = useTestDatabases();

function ids(hits: readonly { id: string }[]): string[] {
  return hits.map((hit) => hit.id).sort();
}

/** FTS5's own consistency check of an external-content index against its content table. */
function expectIndexInStep(db: Database): void {
  expect(() =>
    db.prepare("INSERT INTO job_search (job_search, rank) VALUES ('integrity-check', 1)").run(),
  ).not.toThrow();
}

describe('ranking', () => {
  it('ranks the newest matches of a common word; a specific word still finds an old job', () => {
    const { store } = databases.store();
    const older = 20;
    const jobs = Array.from({ length: rankedMatches + older }, (_, i) =>
      sampleJob({
        // The oldest ones have the word in their title, which would rank them first.
        title: i < older ? `Common walrus ${i}` : `Job ${i}`,
        prompt: i === 0 ? 'about a zebra' : 'a question',
        answer: 'A common answer.',
        status: 'completed',
      }),
    );
    store.transaction(() => {
      for (const job of jobs) store.insert(job);
    });
    const newest = new Set(jobs.slice(older).map((job) => job.id));
    const hits = store.search('common', 100);
    expect(hits).toHaveLength(100);
    expect(hits.every((hit) => newest.has(hit.id))).toBe(true);
    // Words that match fewer jobs find the old ones too.
    expect(store.search('walrus', 100)).toHaveLength(older);
    expect(ids(store.search('zebra'))).toEqual([jobs[0]?.id]);
  });
});

describe('the search index', () => {
  it('follows updates of every indexed field', () => {
    const { store, db } = databases.store();
    const job = sampleJob({ title: 'Walrus', prompt: 'about narwhals', status: 'completed' });
    store.insert(job);
    expect(ids(store.search('walrus'))).toEqual([job.id]);

    store.update(job.id, { answer: 'Penguins live in the south.', reasoningSummary: 'Krill.' });
    expect(ids(store.search('penguins'))).toEqual([job.id]);
    expect(ids(store.search('krill'))).toEqual([job.id]);

    store.update(job.id, { title: 'Seal', answer: 'Orcas hunt in pods.', reasoningSummary: '' });
    expect(store.search('walrus')).toEqual([]);
    expect(store.search('penguins')).toEqual([]);
    expect(store.search('krill')).toEqual([]);
    expect(ids(store.search('orcas'))).toEqual([job.id]);
    expect(ids(store.search('narwhals'))).toEqual([job.id]);
    // Updates that leave the text alone (the cursor, the revision) keep it too.
    store.update(job.id, { cursor: 10 });
    expect(ids(store.search('orcas seal'))).toEqual([job.id]);
    expectIndexInStep(db);
  });

  it('finds a job by its instructions, from the start, and forgets them when it is deleted', () => {
    const { store, db } = databases.store();
    const job = sampleJob({
      prompt: 'Review the patch',
      instructions: 'Answer as a meticulous pirate.',
      status: 'in_progress',
    });
    const other = sampleJob({ prompt: 'Another question', status: 'completed' });
    store.insert(job);
    store.insert(other);
    expect(ids(store.search('meticulous'))).toEqual([job.id]);
    // A 2-letter prefix, as typed (read from the prefix index).
    expect(ids(store.search('pi'))).toEqual([job.id]);
    expectIndexInStep(db);
    store.delete(job.id);
    expect(store.search('meticulous')).toEqual([]);
    expectIndexInStep(db);
  });

  it('indexes a streaming answer only once its job has settled; title and prompt at once', () => {
    const { store, db } = databases.store();
    const job = sampleJob({ title: 'Walrus', prompt: 'about narwhals', status: 'in_progress' });
    store.insert(job);
    store.update(job.id, { answer: 'Penguins live', cursor: 5 });
    expect(ids(store.search('walrus narwhals'))).toEqual([job.id]);
    expect(store.search('penguins')).toEqual([]);
    expectIndexInStep(db);
    store.update(job.id, { answer: 'Penguins live in the south.', status: 'completed' });
    expect(ids(store.search('penguins south'))).toEqual([job.id]);
    expectIndexInStep(db);
  });

  it('forgets a deleted job', () => {
    const { store, db } = databases.store();
    const gone = sampleJob({ answer: 'Capybaras are calm.' });
    const kept = sampleJob({ answer: 'Capybaras swim well.' });
    store.insert(gone);
    store.insert(kept);
    store.delete(gone.id);
    expect(ids(store.search('capybaras'))).toEqual([kept.id]);
    expect(store.list({ text: 'capybaras' }).total).toBe(1);
    expectIndexInStep(db);
  });
});

describe('search', () => {
  it('folds case and accents both ways (remove_diacritics 2)', () => {
    const { store } = databases.store();
    const french = sampleJob({ answer: 'Une crème brûlée, Ångström, Łódź et Ǖber.' });
    const plain = sampleJob({ answer: 'A plain creme brulee.' });
    store.insert(french);
    store.insert(plain);
    const both = [french.id, plain.id].sort();
    expect(ids(store.search('creme brulee'))).toEqual(both);
    expect(ids(store.search('CRÈME BRÛLÉE'))).toEqual(both);
    expect(ids(store.search('angstrom'))).toEqual([french.id]);
    // Letters with several marks fold too (remove_diacritics 2); Ł is its own letter, not L + mark.
    expect(ids(store.search('łodz'))).toEqual([french.id]);
    expect(ids(store.search('uber'))).toEqual([french.id]);
    // The same accent typed as a separate combining mark.
    expect(ids(store.search('cre\u0300me'))).toEqual(both);
  });

  it('finds CJK words, a run of CJK text by its start', () => {
    const { store } = databases.store();
    const japanese = sampleJob({ answer: '東京都に住んでいます。 素数 は無限にある' });
    const chinese = sampleJob({ title: '质数定理', answer: '证明 完成' });
    store.insert(japanese);
    store.insert(chinese);
    expect(ids(store.search('素数'))).toEqual([japanese.id]);
    expect(ids(store.search('東京'))).toEqual([japanese.id]);
    expect(ids(store.search('质数定理'))).toEqual([chinese.id]);
    expect(ids(store.search('证明 完成'))).toEqual([chinese.id]);
  });

  it('treats emoji as separators: words next to them are found, emoji alone find nothing', () => {
    const { store } = databases.store();
    const job = sampleJob({ answer: 'Shipped🎉release and 👍🏽 thanks' });
    store.insert(job);
    expect(ids(store.search('release'))).toEqual([job.id]);
    expect(ids(store.search('shipped🎉'))).toEqual([job.id]);
    expect(ids(store.search('🎉 thanks'))).toEqual([job.id]);
    expect(store.search('🎉')).toEqual([]);
    expect(store.search('👍🏽')).toEqual([]);
  });

  it('returns nothing, without throwing, for punctuation only', () => {
    const { store } = databases.store();
    store.insert(sampleJob({ answer: 'Anything at all!' }));
    for (const words of ['', '   ', '!!!', '"', '*', '()', '- + ^ :', '""""', 'NEAR(']) {
      expect(store.search(words)).toEqual([]);
    }
  });

  it('searches query syntax as plain words', () => {
    const { store } = databases.store();
    const job = sampleJob({ title: 'AND OR NOT', answer: 'title: NEAR "quoted" c++ gpt-5' });
    store.insert(job);
    for (const words of [
      'AND',
      'OR',
      'NOT',
      'NEAR',
      'title:',
      '"quoted"',
      'c++',
      'gpt-5',
      'quo*',
    ]) {
      expect(ids(store.search(words))).toEqual([job.id]);
    }
    expect(() => store.search('NEAR(a b, 3) OR title:x AND "unbalanced')).not.toThrow();
  });

  it('requires every word and matches the last one as a prefix', () => {
    const { store } = databases.store();
    const both = sampleJob({ answer: 'elliptic curves over finite fields' });
    const one = sampleJob({ answer: 'elliptic integrals' });
    store.insert(both);
    store.insert(one);
    expect(ids(store.search('elliptic fin'))).toEqual([both.id]);
    expect(ids(store.search('ellip'))).toEqual([both.id, one.id].sort());
    // Only the last word is a prefix.
    expect(store.search('ellip fields')).toEqual([]);
  });

  it('ranks a match in the title above one in the answer', () => {
    const { store } = databases.store();
    const inAnswer = sampleJob({ title: 'Notes', answer: 'Something about Riemann.' });
    const inTitle = sampleJob({ title: 'Riemann hypothesis', answer: 'Notes.' });
    store.insert(inAnswer);
    store.insert(inTitle);
    expect(store.search('riemann').map((hit) => hit.id)).toEqual([inTitle.id, inAnswer.id]);
    expect(store.search('riemann', 1)).toHaveLength(1);
  });

  it('returns a plain-text snippet with the matches marked', () => {
    const { store } = databases.store();
    const job = sampleJob({
      title: 'Primes',
      answer: 'Euclid showed there are <b>infinitely</b> many primes, and Euler agreed.',
    });
    store.insert(job);
    const [hit] = store.search('euler');
    expect(hit?.id).toBe(job.id);
    expect(hit?.title).toBe('Primes');
    const highlighted = hit?.snippet.filter((part) => part.highlighted).map((part) => part.text);
    expect(highlighted).toEqual(['Euler']);
    expect(hit?.snippet.map((part) => part.text).join('')).toContain('<b>infinitely</b>');
  });
});
