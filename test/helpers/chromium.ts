import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { requireTool } from './server.ts';

/** Debian's Chromium, driven by playwright-core (which brings no browser of its own). */
export const CHROMIUM = '/usr/bin/chromium';

/** The `skip` option for suites that need Chromium (a failure in CI when it is missing). */
export const skipChromium = requireTool(existsSync(CHROMIUM), 'chromium');

/** Launches headless Chromium, quiet: no sandbox, GPU, QUIC or background traffic. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
