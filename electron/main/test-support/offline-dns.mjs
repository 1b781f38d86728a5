// Loaded with `node --import` before Electronegativity: it fetches translations (and, unless that
// check is excluded, Electron's release list) on every run. Tests send nothing off this machine, so
// every host name lookup fails at once, in process, and the tool carries on with what it has.
// ENETDOWN rather than ENOTFOUND: its HTTP client does not retry that one.
import dns from 'node:dns';

dns.lookup = (hostname, options, callback) => {
  const done = typeof options === 'function' ? options : callback;
  const error = Object.assign(new Error(`offline: not looking up ${hostname}`), {
    code: 'ENETDOWN',
  });
  process.nextTick(done, error);
};
