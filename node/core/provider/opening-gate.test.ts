// The gate that paces a burst of creates: never more than its limit opening, the next waiter
// admitted in order as one finishes opening, and a waiter whose job is stopped leaves the queue
// without a place (and without anything sent).
import { describe, expect, it } from 'vitest';
import { OpeningGate } from './opening-gate.js';

const never = new AbortController().signal;

describe('OpeningGate', () => {
  it('admits up to its limit, then one waiter per release, in order', async () => {
    const gate = new OpeningGate(2);
    const admitted: number[] = [];
    const releases = new Map<number, () => void>();
    const entering = [1, 2, 3, 4].map((n) =>
      gate.enter(never).then((release) => {
        admitted.push(n);
        releases.set(n, release);
      }),
    );
    await Promise.all(entering.slice(0, 2));
    expect(admitted).toEqual([1, 2]);
    releases.get(2)?.();
    releases.get(2)?.(); // a second release of the same place frees nothing more
    await entering[2];
    expect(admitted).toEqual([1, 2, 3]);
    releases.get(1)?.();
    await entering[3];
    expect(admitted).toEqual([1, 2, 3, 4]);
  });

  it('lets a stopped waiter leave without taking a place', async () => {
    const gate = new OpeningGate(1);
    const first = await gate.enter(never);
    const stopped = new AbortController();
    const leaving = gate.enter(stopped.signal);
    const next = gate.enter(never);
    stopped.abort(new Error('shutdown'));
    await expect(leaving).rejects.toThrow('shutdown');
    first();
    const release = await next; // the place went to the waiter after the stopped one
    expect(typeof release).toBe('function');
    await expect(gate.enter(AbortSignal.abort(new Error('gone')))).rejects.toThrow('gone');
  });
});
