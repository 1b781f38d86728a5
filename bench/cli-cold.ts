// `cli_cold_ms`, `cli_submit_ms` and `cli_help_ms`: how long `mull list` (200 stored jobs),
// `mull submit` (to the emulator: the job stored and created on the server, where it is left to
// run) and `mull --help` take from a cold process start to their exit, beside a bare `node -e ''` started the same way,
// measured side by side (alternating, median of 5 each) so the ratio holds on a loaded machine.
// `cli_list_<scale>_ms` and `cli_help_<scale>_ms`: the same two commands on the scaled dataset
// (bench/board-dataset.ts, `--scale N`), in the same alternating runs.
// The command line is built first (`npm run build:cli`), so the figures are those of the sources
// as they are.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JobManager } from '../node/core/engine/job-manager.js';
import { benchKey, freshDataDir, median } from './bench-support.js';
import type { BoardDataset } from './board-dataset.js';
import type { EmulatorProcess } from './emulator-process.js';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const mullBin = join(repoRoot, 'bin', 'mull.mjs');
const runs = 5;

export interface CliColdResult {
  listMs: number;
  submitMs: number;
  helpMs: number;
  nodeMs: number;
  listRunsMs: number[];
  jobs: number;
  /** On the scaled dataset, when one was given. */
  scaled?: { jobs: number; listMs: number; helpMs: number; listRunsMs: number[] };
}

export async function benchCliCold(
  emulator: EmulatorProcess,
  dataset?: BoardDataset,
): Promise<CliColdResult> {
  const build = spawnSync('npm', ['run', 'build:cli'], { cwd: repoRoot, stdio: ['ignore', 2, 2] });
  if (build.status !== 0) throw new Error('npm run build:cli failed');
  const data = freshDataDir();
  // Submits go to a data directory of their own: a submit that holds the driver lock also sends
  // every job stored unsent, and the 200 listed jobs are stored unsent.
  const submitData = freshDataDir();
  try {
    const jobs = 200;
    const manager = JobManager.open({
      dataDir: data.dir,
      drive: false,
      keys: { get: () => Promise.resolve(undefined) },
    });
    manager.submit(
      Array.from({ length: jobs }, (_, i) => ({ prompt: `Bench job ${i}`, model: 'gpt-5-pro' })),
    );
    await manager.close();
    // OPENAI_BASE_URL points the built-in provider at the emulator, and lets OPENAI_API_KEY go there.
    const env = { ...process.env, OPENAI_API_KEY: benchKey, OPENAI_BASE_URL: emulator.baseURL };
    const timed = (args: string[]) => {
      const started = performance.now();
      const run = spawnSync(process.execPath, args, {
        cwd: repoRoot,
        env,
        stdio: 'ignore',
      });
      if (run.status !== 0) throw new Error(`'node ${args.join(' ')}' exited ${run.status}`);
      return performance.now() - started;
    };
    const mull = (...args: string[]) => timed([mullBin, '--data-dir', data.dir, ...args]);
    const onDataset = (...args: string[]) =>
      dataset ? timed([mullBin, '--data-dir', dataset.dir, ...args]) : 0;
    mull('list'); // the first start after a build warms the OS's file cache
    onDataset('list');
    const listRunsMs: number[] = [];
    const submitRunsMs: number[] = [];
    const helpRunsMs: number[] = [];
    const nodeRunsMs: number[] = [];
    const scaledListRunsMs: number[] = [];
    const scaledHelpRunsMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      nodeRunsMs.push(timed(['-e', '']));
      listRunsMs.push(mull('list'));
      submitRunsMs.push(
        timed([mullBin, '--data-dir', submitData.dir, 'submit', '-m', 'gpt-5', `CLI bench ${i}`]),
      );
      helpRunsMs.push(mull('--help'));
      if (dataset) {
        scaledListRunsMs.push(onDataset('list'));
        scaledHelpRunsMs.push(onDataset('--help'));
      }
    }
    return {
      scaled: dataset && {
        jobs: dataset.jobs,
        listMs: median(scaledListRunsMs),
        helpMs: median(scaledHelpRunsMs),
        listRunsMs: scaledListRunsMs,
      },
      listMs: median(listRunsMs),
      submitMs: median(submitRunsMs),
      helpMs: median(helpRunsMs),
      nodeMs: median(nodeRunsMs),
      listRunsMs,
      jobs,
    };
  } finally {
    data.remove();
    submitData.remove();
  }
}

/** The rows `npm run bench` prints (bench/run.ts adds them in one line). */
export async function cliColdRows(
  emulator: EmulatorProcess,
  results: Record<string, number>,
  rows: Array<[string, string, string]>,
  scaled?: { dataset: BoardDataset; key: (stem: string, unit: string) => string },
): Promise<void> {
  const r = await benchCliCold(emulator, scaled?.dataset);
  results.cli_cold_ms = Math.round(r.listMs);
  results.cli_submit_ms = Math.round(r.submitMs);
  results.cli_help_ms = Math.round(r.helpMs);
  results.cli_node_ms = Math.round(r.nodeMs);
  results.cli_cold_ratio = Number((r.listMs / r.nodeMs).toFixed(2));
  rows.push(
    [
      'cli_cold_ms',
      `${results.cli_cold_ms} (\`mull list\`, ${r.jobs} jobs; bare \`node -e ''\` ${results.cli_node_ms}, ratio ${results.cli_cold_ratio}; medians of ${runs} alternating: ${r.listRunsMs.map((ms) => Math.round(ms)).join(', ')})`,
      '< 1000',
    ],
    ['cli_submit_ms', `${results.cli_submit_ms} (\`mull submit\` to the emulator)`, '< 1000'],
    ['cli_help_ms', `${results.cli_help_ms} (\`mull --help\`)`, ''],
  );
  if (scaled && r.scaled) {
    const list = scaled.key('cli_list', 'ms');
    const help = scaled.key('cli_help', 'ms');
    const ratio = scaled.key('cli_list', 'ratio');
    results[list] = Math.round(r.scaled.listMs);
    results[help] = Math.round(r.scaled.helpMs);
    results[ratio] = Number((r.scaled.listMs / r.nodeMs).toFixed(2));
    rows.push(
      [
        list,
        `${results[list]} (\`mull list\` on the ${r.scaled.jobs}-job dataset; bare \`node -e ''\` ${results.cli_node_ms}, ratio ${results[ratio]}; same runs: ${r.scaled.listRunsMs.map((ms) => Math.round(ms)).join(', ')})`,
        '< 1000',
      ],
      [help, `${results[help]} (\`mull --help\`, same data directory)`, '< 1000'],
    );
  }
}
