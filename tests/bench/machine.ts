/**
 * How fast the machine was while the benchmark ran. This machine's speed drifts by a third from
 * hour to hour (the same build's clicks measured 44 ms median in one run and 62 ms in another the
 * same morning), and a figure without its hour's speed cannot be compared with a budget or an
 * earlier run. The probe is a fixed piece of JavaScript timed in this process, with the browser
 * idle; the CPU shares come from /proc/stat (Linux), where `steal` is time the hypervisor gave
 * to other machines.
 */
import { readFileSync } from 'node:fs';
import { median } from './stats.ts';

/** A fixed, allocation-light workload: an LCG fills an array, which is sorted and summed. */
function workload(): number {
  const values = new Float64Array(200_000);
  let seed = 12345;
  for (let index = 0; index < values.length; index++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    values[index] = seed;
  }
  values.sort();
  let sum = 0;
  for (let index = 0; index < values.length; index += 1000) sum += values[index]!;
  return sum;
}

/** Median of `rounds` timings of the workload, in ms (after one untimed run). */
export function probeMs(rounds = 7): number {
  let sink = workload();
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    sink += workload();
    times.push(performance.now() - started);
  }
  if (sink === -1) console.error(sink); // keeps the work observable
  return median(times);
}

export interface CpuTimes {
  busy: number;
  idle: number;
  steal: number;
}

/** The machine's cumulative CPU times (all cores, in clock ticks), or null off Linux. */
export function cpuTimes(): CpuTimes | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n').find((entry) => entry.startsWith('cpu '));
    if (!line) return null;
    // user nice system idle iowait irq softirq steal guest guest_nice
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = line.trim().split(/\s+/).slice(1).map(Number);
    return { busy: user + nice + system + irq + softirq, idle: idle + iowait, steal };
  } catch {
    return null;
  }
}

/** Shares of all CPU time between two readings: busy, and stolen by the hypervisor. */
export function cpuShares(before: CpuTimes | null, after: CpuTimes | null): { busy: number; steal: number } | null {
  if (!before || !after) return null;
  const busy = after.busy - before.busy;
  const steal = after.steal - before.steal;
  const total = busy + steal + (after.idle - before.idle);
  return total > 0 ? { busy: busy / total, steal: steal / total } : null;
}

export interface MachineSpeed {
  start: number;
  extension?: number;
  end?: number;
}

type Shares = ReturnType<typeof cpuShares>;

const percent = (share: number): string => `${(share * 100).toFixed(0)} %`;

/** The report's line on the machine's speed during the run. */
export function machineLine(speed: MachineSpeed, cpu: { inPage: Shares; extension: Shares }): string {
  const probes = [`${speed.start.toFixed(1)} ms at the start`];
  if (speed.extension !== undefined) probes.push(`${speed.extension.toFixed(1)} before the clicks through the extension`);
  if (speed.end !== undefined) probes.push(`${speed.end.toFixed(1)} at the end`);
  const phases: string[] = [];
  for (const [phase, shares] of [['in-page rounds', cpu.inPage], ['extension clicks', cpu.extension]] as const) {
    if (shares) phases.push(`${phase} ${percent(shares.busy)} busy, ${percent(shares.steal)} stolen`);
  }
  return `machine speed: the fixed probe (tests/bench/machine.ts; lower is faster) took ${probes.join(', ')}${phases.length ? `; CPU over the ${phases.join('; ')}` : ''}`;
}
