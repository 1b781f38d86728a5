// Issue 13: a flush of streamed text costs the same near a 2 MB answer as near a 20 KB one, in
// time and in bytes written (it appends; it used to rewrite the whole answer: 35x the time and
// 2 MB per flush at 2 MB). The settled answer reaches the search index after the write that ends
// the job, not in it. The numbers come from measureFlushCost, which the benchmark runs too.
import { expect, it } from 'vitest';
import { measureFlushCost } from './test-support/flush-cost.js';

it('a flush does not grow with the answer: the same time and bytes at 20 KB and at 2 MB', () => {
  const cost = measureFlushCost({ shortChars: 20_000, longChars: 2_000_000 });
  console.log(
    `flush cost: ${cost.short.msPerFlush.toFixed(3)} ms at 20 KB, ` +
      `${cost.long.msPerFlush.toFixed(3)} ms at 2 MB (flush_cost_growth ` +
      `${cost.flush_cost_growth.toFixed(2)}); ${Math.round(cost.short.bytesPerFlush)} and ` +
      `${Math.round(cost.long.bytesPerFlush)} bytes per flush; settle ${cost.settle.ms.toFixed(1)} ms, ` +
      `index ${cost.index.ms.toFixed(1)} ms`,
  );
  expect(cost.flush_cost_growth).toBeLessThanOrEqual(1.5);
  expect(cost.long.bytesPerFlush / cost.short.bytesPerFlush).toBeLessThanOrEqual(1.5);
  // A few pages per flush, where rewriting the answer wrote all of its pages.
  expect(cost.long.bytesPerFlush).toBeLessThan(100_000);
  // The settling write stores the text once; tokenizing it for search comes after, on its own.
  expect(cost.settle.bytes).toBeLessThan(2 * cost.long.answerChars);
  expect(cost.index.bytes).toBeGreaterThan(0);
}, 60_000);
