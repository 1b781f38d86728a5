// Waiting for Ctrl+C (SIGINT) or SIGTERM before a clean stop. A second signal while stopping exits
// at once: a person pressing Ctrl+C twice means it.

/** Resolves with the first stop signal; from then on, another one exits the process. */
export function untilStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    let received = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (received) process.exit(130);
      received = true;
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
