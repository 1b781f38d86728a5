// docs/ARCHITECTURE.md, invariant 7: on resume from sleep and when the network comes back, every unfinished
// job is reconciled at once (its stream resumed from the cursor, or polled) instead of waiting for
// a stall timer to notice.
import { net, powerMonitor } from 'electron';
import { watchOnline } from './online-watch.js';

const onlineCheckMs = 5000;

export function reconcileOnWake(reconcile: () => void, log: (message: string) => void): () => void {
  const onResume = () => {
    log('Resumed from sleep: reconnecting every running job.');
    reconcile();
  };
  powerMonitor.on('resume', onResume);
  const online = watchOnline(
    () => net.isOnline(),
    () => {
      log('The network is back: reconnecting every running job.');
      reconcile();
    },
    onlineCheckMs,
  );
  return () => {
    powerMonitor.off('resume', onResume);
    online.stop();
  };
}
