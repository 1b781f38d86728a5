// The page runs under `script-src 'self'`: no eval. zod probes for `new Function` the first time it
// parses an object (to compile faster parsers), and the probe alone makes the browser report a
// CSP violation. Imported first by main.tsx, before anything parses.
import { z } from 'zod';

z.config({ jitless: true });
