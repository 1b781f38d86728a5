// `cli_cold_ms`: how long `mull list` takes from a cold process start to its exit, beside a bare
// `node -e ''` started the same way, measured side by side (alternating, median of 5 each) so the
// ratio holds on a loaded machine. The data directory holds 200 stored jobs.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JobManager } from '../electron/core/engine/job-manager.js';
import { freshDataDir } from './bench-support.js';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const mullBin = join(repoRoot, 'bin', 'mull.mjs');
const runs = 5;

export interface CliColdResult {
  mullMs: number;
  nodeMs: number;
  ratio: number;
  mullRunsMs: number[];
  nodeRunsMs: number[];
  jobs: number;
}

export function benchCliCold(): CliColdResult {
  const data = freshDataDir();
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
    void manager.close();
    const env = { ...process.env, OPENAI_API_KEY: undefined, OPENAI_BASE_URL: undefined };
    const timed = (args: string[]) => {
      const started = performance.now();
      const run = spawnSync(process.execPath, args, { cwd: repoRoot, env, stdio: 'ignore' });
      if (run.status !== 0) throw new Error(`'node ${args.join(' ')}' exited ${run.status}`);
      return performance.now() - started;
    };
    timed([mullBin, '--data-dir', data.dir, 'list']); // warms tsx's transform cache
    const mullRunsMs: number[] = [];
    const nodeRunsMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      nodeRunsMs.push(timed(['-e', '']));
      mullRunsMs.push(timed([mullBin, '--data-dir', data.dir, 'list']));
    }
    const mullMs = median(mullRunsMs);
    const nodeMs = median(nodeRunsMs);
    return { mullMs, nodeMs, ratio: mullMs / nodeMs, mullRunsMs, nodeRunsMs, jobs };
  } finally {
    data.remove();
  }
}

/** The row `npm run bench` prints (bench/run.ts adds it in one line). */
export function cliColdRow(
  results: Record<string, number>,
  rows: Array<[string, string, string]>,
): void {
  const r = benchCliCold();
  results.cli_cold_ms = Math.round(r.mullMs);
  results.cli_node_ms = Math.round(r.nodeMs);
  results.cli_cold_ratio = Number(r.ratio.toFixed(2));
  rows.push([
    'cli_cold_ms',
    `${results.cli_cold_ms} (\`mull list\`, ${r.jobs} jobs; bare \`node -e ''\` ${results.cli_node_ms}, ratio ${results.cli_cold_ratio}; medians of ${runs} alternating: ${r.mullRunsMs.map((ms) => Math.round(ms)).join(', ')})`,
    '< 1000',
  ]);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
