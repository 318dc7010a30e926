// Prometheus metrics (prom-client), one registry per context: sign-ins by
// result, method and front; the password hash pool; HTTP request latency.
import { createRequire } from 'node:module';
import type {
  Counter,
  Histogram,
  MetricObjectWithValues,
  MetricValue,
  Registry,
} from 'prom-client';
import type { HashPoolStats } from './crypto/passwords.ts';

export interface Metrics {
  registry: Registry;
  signins: Counter<'result' | 'method' | 'front'>;
  requestSeconds: Histogram<'method' | 'route' | 'status'>;
  /**
   * The text /metrics serves (process metrics are added on the first call):
   * in a worker, the figures of all the workers together (src/workers.ts).
   */
  render(): Promise<string>;
  /** This process's own figures, for the primary to add up. */
  json(): Promise<MetricObjectWithValues<MetricValue<string>>[]>;
}

/** Asks the primary for every worker's figures added up (set in a worker, src/workers.ts). */
let clusterRender: (() => Promise<string>) | undefined;
export const renderClusterMetricsWith = (render: () => Promise<string>) => {
  clusterRender = render;
};

/** Built on first use (src/context.ts): a command-line call never loads prom-client. */
export function createMetrics(hashPool: () => HashPoolStats): Metrics {
  const { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } = createRequire(
    import.meta.url,
  )('prom-client') as typeof import('prom-client');
  const registry = new Registry();
  const signins = new Counter({
    name: 'portcullis_signins_total',
    help: 'Sign-in attempts by result (success, failure, interrupted), method and front.',
    labelNames: ['result', 'method', 'front'] as const,
    registers: [registry],
  });
  const requestSeconds = new Histogram({
    name: 'portcullis_http_request_duration_seconds',
    help: 'HTTP request latency by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const pool = (name: string, help: string, pick: (s: HashPoolStats) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(pick(hashPool()));
      },
    });
  pool('portcullis_hash_pool_active', 'Password hashes being computed now.', (s) => s.active);
  pool('portcullis_hash_pool_queued', 'Password checks waiting for the hasher.', (s) => s.queued);
  pool(
    'portcullis_hash_pool_size',
    'Password hashes computed at once, at most.',
    (s) => s.concurrency,
  );
  new Counter({
    name: 'portcullis_hash_pool_rejected_total',
    help: 'Password checks refused with 503 because the hasher queue was full.',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(hashPool().rejected);
    },
  });
  let processMetrics = false;
  const withProcessMetrics = () => {
    if (!processMetrics) {
      collectDefaultMetrics({ register: registry, prefix: 'portcullis_' });
      processMetrics = true;
    }
    return registry;
  };
  return {
    registry,
    signins,
    requestSeconds,
    render: () => clusterRender?.() ?? withProcessMetrics().metrics(),
    json: () => withProcessMetrics().getMetricsAsJSON(),
  };
}
