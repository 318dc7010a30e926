import { setTimeout as pause } from 'node:timers/promises';
import { DeliveryError } from './types.ts';

/** What tests (and the factory) inject into the HTTP providers. */
export interface ProviderOptions {
  /** Milliseconds since the epoch; signs the webhook's timestamp. */
  now?: () => number;
  /** The pause before the one retry. */
  retryPauseMs?: number;
}

const failure = (e: unknown, timeoutMs: number): string => {
  if (e instanceof Error && e.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  const cause = e instanceof Error ? (e.cause as { code?: string } | undefined) : undefined;
  return cause?.code ?? (e instanceof Error ? e.message : String(e));
};

/**
 * POSTs to a provider: 2xx is accepted. A timeout, a refused connection or a
 * 5xx may be passing, so it is tried once more after a short pause; a 4xx (or
 * a redirect) will not get better, so it fails at once. Every failure is a
 * DeliveryError, after at most two timeouts and the pause. Shared by the
 * webhook and Twilio providers. Error messages carry no URL: it may hold a token.
 */
export async function postWithRetry(
  provider: string,
  url: string,
  init: { headers: Record<string, string>; body: string },
  o: { timeoutMs: number; retryPauseMs: number },
): Promise<void> {
  let last: unknown;
  let reason = '';
  for (let attempt = 1; attempt <= 2; attempt++) {
    if (attempt > 1) await pause(o.retryPauseMs);
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        ...init,
        redirect: 'manual',
        signal: AbortSignal.timeout(o.timeoutMs),
      });
    } catch (e) {
      last = e;
      reason = failure(e, o.timeoutMs);
      continue;
    }
    await res.body?.cancel().catch(() => {});
    if (res.status >= 200 && res.status < 300) return;
    reason = `HTTP ${res.status}`;
    if (res.status < 500) throw new DeliveryError(`${provider} refused the request (${reason})`);
  }
  throw new DeliveryError(`${provider} did not accept the request: ${reason}`, { cause: last });
}
