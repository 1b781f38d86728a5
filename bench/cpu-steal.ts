// The share of the CPU time the hypervisor took from this virtual machine (the "steal" column of
// /proc/stat): a task that waited for the VM's CPU looks long without being long. Printed beside
// the timed figures so that a slow run on a busy host can be told from slow code. Null where
// there is no /proc/stat (not Linux).
import { readFileSync } from 'node:fs';

interface CpuTimes {
  steal: number;
  total: number;
}

function cpuTimes(): CpuTimes | null {
  let stat: string;
  try {
    stat = readFileSync('/proc/stat', 'utf8');
  } catch {
    return null;
  }
  // cpu  user nice system idle iowait irq softirq steal guest guest_nice
  const fields = /^cpu\s+(.*)$/mu.exec(stat)?.[1]?.trim().split(/\s+/u).map(Number);
  if (!fields || fields.length < 8 || fields.some((n) => !Number.isFinite(n))) return null;
  // guest and guest_nice are counted in user and nice already.
  const counted = fields.slice(0, 8);
  return { steal: counted[7] ?? 0, total: counted.reduce((sum, n) => sum + n, 0) };
}

/** Starts counting; the function returned gives the steal share since then, in percent. */
export function stealSince(): () => number | null {
  const start = cpuTimes();
  return () => {
    const end = cpuTimes();
    if (!start || !end || end.total <= start.total) return null;
    return (100 * (end.steal - start.steal)) / (end.total - start.total);
  };
}
