// The shared ticker's time, re-rendering each second only while `live` (a running job).
import { useSyncExternalStore } from 'react';
import { subscribeToTicker, tickerNow } from './shared-ticker.js';

const stayStill = () => () => undefined;

export function useNow(live: boolean): number {
  return useSyncExternalStore(live ? subscribeToTicker : stayStill, tickerNow);
}
