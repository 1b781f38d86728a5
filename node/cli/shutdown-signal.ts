// SIGINT (Ctrl-C) and SIGTERM ask a driving command to stop cleanly: close the manager, which
// flushes streamed text and releases the driver lock. A second signal exits at once.
export interface ShutdownSignal {
  /** Resolves with the signal's name when one arrives. */
  signalled: Promise<NodeJS.Signals>;
  dispose(): void;
}

const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
/** 128 + the signal's number, as shells report a process ended by a signal. */
export function signalExitCode(signal: NodeJS.Signals): number {
  return signal === 'SIGTERM' ? 143 : 130;
}

export function untilSignal(): ShutdownSignal {
  let received = false;
  let resolve: (signal: NodeJS.Signals) => void = () => undefined;
  const signalled = new Promise<NodeJS.Signals>((r) => (resolve = r));
  const onSignal = (signal: NodeJS.Signals) => {
    if (received) process.exit(signalExitCode(signal));
    received = true;
    resolve(signal);
  };
  for (const signal of signals) process.on(signal, onSignal);
  return {
    signalled,
    dispose: () => {
      for (const signal of signals) process.off(signal, onSignal);
    },
  };
}
