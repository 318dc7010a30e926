import type { Command } from 'commander';
import { print } from '../run.ts';

/** `portcullis vapid generate`: a VAPID key pair for Web Push, as configuration lines. */
export function vapidCommands(program: Command): void {
  const vapid = program.command('vapid').description('Web Push (VAPID) keys');

  vapid
    .command('generate')
    .description('Generate a VAPID key pair for Web Push to the Portcullis Authenticator')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const { default: webpush } = await import('web-push');
      const keys = webpush.generateVAPIDKeys();
      print(
        !!o.json,
        keys,
        () =>
          `PORTCULLIS_VAPID_PUBLIC_KEY=${keys.publicKey}\nPORTCULLIS_VAPID_PRIVATE_KEY=${keys.privateKey}\n` +
          '# and PORTCULLIS_VAPID_SUBJECT=mailto:you@example.com (or an https: URL)',
      );
    });
}
