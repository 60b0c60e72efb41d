// A small benchmark harness. Cases that are compared with each other are measured
// together: after a warm-up, each round takes one timed sample of every case in
// turn, so a noisy neighbour or a GC pause hits all of them alike. The figure is
// the median of the per-call times (process.hrtime.bigint).

export interface Stats {
  /** Median time of one call, milliseconds. */
  ms: number;
  /** Calls per second at the median. */
  ops: number;
  /** Timed samples taken. */
  samples: number;
  /**
   * Calls per sample: fast calls are repeated inside one sample so the clock's own
   * cost does not count. Cases with `setup` are timed call by call (always 1) and
   * take that many samples per round instead.
   */
  callsPerSample: number;
  /** 10th and 90th percentile of per-call time, milliseconds. */
  p10: number;
  p90: number;
}

export interface Case {
  name: string;
  /** The work to time. Must do the same work every call unless `setup` prepares each call. */
  fn: () => unknown;
  /** Run untimed before each timed call (then every sample is exactly one call). */
  setup?: () => void;
}

export interface Budget {
  /** Warm-up time per case (lets the JIT settle). */
  warmupMs: number;
  minSamples: number;
  /** Keep sampling at least this long... */
  minMs: number;
  /** ...and stop after this long once every case has 5 samples. */
  maxMs: number;
}

export const DEFAULT_BUDGET: Budget = { warmupMs: 300, minSamples: 20, minMs: 2000, maxMs: 20000 };

/** Keeps results alive so the optimiser cannot drop the work that made them. */
export let sink: unknown;

const now = () => process.hrtime.bigint();
const sinceMs = (t0: bigint) => Number(now() - t0) / 1e6;
/** A sample of fast calls should take at least this long. */
const SAMPLE_MS = 0.5;

function median(sorted: readonly number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function summarise(perCallMs: number[], callsPerSample: number): Stats {
  const sorted = [...perCallMs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const ms = median(sorted);
  return { ms, ops: 1000 / ms, samples: sorted.length, callsPerSample, p10: at(0.1), p90: at(0.9) };
}

function timeOnce(c: Case): number {
  c.setup?.();
  const t0 = now();
  sink = c.fn();
  return sinceMs(t0);
}

export function measureGroup(cases: readonly Case[], budget: Budget = DEFAULT_BUDGET): Record<string, Stats> {
  // Warm-up, then calibration: how many calls make one sample.
  const perSample = cases.map((c) => {
    const warmStart = now();
    do timeOnce(c);
    while (sinceMs(warmStart) < budget.warmupMs);
    const probe = Array.from({ length: 5 }, () => timeOnce(c)).sort((a, b) => a - b);
    return Math.max(1, Math.min(10_000, Math.ceil(SAMPLE_MS / Math.max(median(probe), 1e-6))));
  });

  const times: number[][] = cases.map(() => []);
  const begin = now();
  for (let round = 0; ; round++) {
    for (let k = 0; k < cases.length; k++) {
      const i = (k + round) % cases.length; // rotate the order: no case always runs right after another
      const c = cases[i]!;
      const calls = perSample[i]!;
      if (c.setup) {
        // Stateful calls are timed one by one: `calls` samples this round.
        for (let n = 0; n < calls; n++) times[i]!.push(timeOnce(c));
      } else {
        const t0 = now();
        for (let n = 0; n < calls; n++) sink = c.fn();
        times[i]!.push(sinceMs(t0) / calls);
      }
    }
    const fewest = Math.min(...times.map((t) => t.length));
    const elapsed = sinceMs(begin);
    if (fewest >= budget.minSamples && elapsed >= budget.minMs) break;
    if (fewest >= 5 && elapsed >= budget.maxMs) break;
  }
  return Object.fromEntries(cases.map((c, i) => [c.name, summarise(times[i]!, c.setup ? 1 : perSample[i]!)]));
}
