// What the throughput benchmarks share: loops of one operation run
// concurrently through a warm-up and a timed window, with latency
// percentiles and the server's CPU per operation.
import { processCpuMs } from './setup.ts';

export const WARMUP_MS = 2000;

export interface Result {
  perSecond: number;
  p50: number;
  p99: number;
  failed: number;
  /** Server CPU per operation, µs, and the cores it kept busy. */
  cpuPerGrant: number;
  cores: number;
}

/** Runs `concurrency` sequential loops of `step` (true: success) through warm-up and the window. */
export async function measure(
  { pid, seconds, concurrency }: { pid: number | undefined; seconds: number; concurrency: number },
  step: (worker: number) => Promise<boolean>,
): Promise<Result> {
  const latencies: number[] = [];
  let failed = 0;
  const warmupEnd = performance.now() + WARMUP_MS;
  const end = warmupEnd + seconds * 1000;
  let cpuAtStart = Number.NaN;
  setTimeout(() => (cpuAtStart = processCpuMs(pid)), WARMUP_MS);
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (performance.now() < end) {
        const t0 = performance.now();
        const ok = await step(worker);
        if (t0 < warmupEnd) continue;
        if (ok) latencies.push(performance.now() - t0);
        else failed++;
      }
    }),
  );
  const cpuMs = processCpuMs(pid) - cpuAtStart;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ??
    Number.NaN;
  return {
    perSecond: latencies.length / seconds,
    p50: pct(50),
    p99: pct(99),
    failed,
    cpuPerGrant: (cpuMs * 1000) / (latencies.length + failed),
    cores: cpuMs / (seconds * 1000),
  };
}

const ms = (v: number) => `${v.toFixed(2)} ms`;

/** A result's cells: per second, p50, p99, CPU per operation, cores used, failed. */
export const resultCells = (r: Result): string[] => [
  r.perSecond.toFixed(0),
  ms(r.p50),
  ms(r.p99),
  `${r.cpuPerGrant.toFixed(0)} µs`,
  r.cores.toFixed(2),
  String(r.failed),
];

/** Prints a Markdown table, each column as wide as its widest cell. */
export function printTable(head: readonly string[], cells: readonly string[][]): void {
  const widths = head.map((h, c) => Math.max(h.length, ...cells.map((r) => r[c]!.length)));
  const line = (v: readonly string[]) => `| ${v.map((x, c) => x.padEnd(widths[c]!)).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const c of cells) console.log(line(c));
}
