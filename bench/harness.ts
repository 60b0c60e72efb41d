// A small benchmark harness: warm-up, then many timed iterations; the figure is
// the median of per-iteration times (process.hrtime.bigint), which a GC pause or
// a noisy neighbour moves far less than the mean.

export interface Stats {
  /** Median time of one call, milliseconds. */
  ms: number;
  /** Calls per second at the median. */
  ops: number;
  /** Timed samples taken. */
  samples: number;
  /** Calls per sample (fast calls are repeated inside one sample so the clock's own cost does not count). */
  callsPerSample: number;
  /** 10th and 90th percentile of per-call time, milliseconds. */
  p10: number;
  p90: number;
}

export interface Budget {
  warmupMs: number;
  minSamples: number;
  minMs: number;
  maxMs: number;
}

export const DEFAULT_BUDGET: Budget = { warmupMs: 300, minSamples: 15, minMs: 1000, maxMs: 4000 };

/** Keeps results alive so the optimiser cannot drop the work that made them. */
export let sink: unknown;

const now = () => process.hrtime.bigint();
const toMs = (ns: bigint) => Number(ns) / 1e6;

function summarise(perCallMs: number[], callsPerSample: number): Stats {
  const sorted = [...perCallMs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const mid = sorted.length >> 1;
  const ms = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { ms, ops: 1000 / ms, samples: sorted.length, callsPerSample, p10: at(0.1), p90: at(0.9) };
}

/** Times `fn`, which must do the same work every call. */
export function measure(fn: () => unknown, budget: Budget = DEFAULT_BUDGET): Stats {
  // Warm-up (lets the JIT settle) and calibration: enough calls per sample to take >= 0.2 ms.
  const warmEnd = now() + BigInt(budget.warmupMs * 1e6);
  let calls = 0;
  const started = now();
  do {
    sink = fn();
    calls++;
  } while (now() < warmEnd);
  const perCall = toMs(now() - started) / calls;
  const callsPerSample = Math.max(1, Math.min(10_000, Math.ceil(0.2 / perCall)));

  const times: number[] = [];
  const begin = now();
  while (times.length < budget.minSamples || toMs(now() - begin) < budget.minMs) {
    const t0 = now();
    for (let i = 0; i < callsPerSample; i++) sink = fn();
    times.push(toMs(now() - t0) / callsPerSample);
    if (toMs(now() - begin) > budget.maxMs && times.length >= 5) break;
  }
  return summarise(times, callsPerSample);
}

/**
 * Times `fn(i)` one call per sample, with `setup(i)` run untimed before it: for
 * calls that depend on state (an editing session), where repeating one call
 * would measure a different thing.
 */
export function measureEach(setup: (i: number) => void, fn: (i: number) => unknown, budget: Budget = DEFAULT_BUDGET): Stats {
  let i = 0;
  const warmEnd = now() + BigInt(budget.warmupMs * 1e6);
  do {
    setup(i);
    sink = fn(i);
    i++;
  } while (now() < warmEnd);

  const times: number[] = [];
  const begin = now();
  while (times.length < budget.minSamples || toMs(now() - begin) < budget.minMs) {
    setup(i);
    const t0 = now();
    sink = fn(i);
    times.push(toMs(now() - t0));
    i++;
    if (toMs(now() - begin) > budget.maxMs && times.length >= 5) break;
  }
  return summarise(times, 1);
}
