// Starts the SMTP server process (smtp-server.mjs) on a free loopback port
// with a throwaway CA, and reads what it received (parsed by mailparser).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { makeCertificates } from './certificates.ts';
import { freePort } from './ports.ts';

const script = new URL('./smtp-server.mjs', import.meta.url).pathname;

export interface ReceivedMail {
  to: string[];
  from?: string | undefined;
  /** The session had switched to TLS (STARTTLS) before the message. */
  secure: boolean;
  subject: string;
  text: string;
  headers: Map<string, unknown>;
}

export interface SmtpServer {
  port: number;
  /** PORTCULLIS_MAIL and PORTCULLIS_MAIL_CA_FILE for a Portcullis that sends here. */
  env: Record<string, string>;
  received(): Promise<ReceivedMail[]>;
  /** Waits (up to 15 s) until a message matching `test` has arrived. */
  waitFor(test: (m: ReceivedMail) => boolean, what: string): Promise<ReceivedMail>;
  /** Stops the process (the port stays chosen: start() listens there again). */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startSmtpServer(): Promise<SmtpServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'portcullis-smtp-'));
  const inbox = path.join(dir, 'inbox');
  mkdirSync(inbox);
  const { ca, cert, key } = makeCertificates(dir);
  const port = await freePort();
  let child: ChildProcess | null = null;

  const start = () =>
    new Promise<void>((resolve, reject) => {
      const c = spawn(process.execPath, [script, String(port), inbox, cert, key], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = c;
      let out = '';
      const timer = setTimeout(
        () => reject(new Error(`smtp server did not start: ${out}`)),
        10_000,
      );
      c.stdout!.on('data', (d: Buffer) => {
        out += d;
        if (out.includes('listening')) {
          clearTimeout(timer);
          resolve();
        }
      });
      c.stderr!.on('data', (d: Buffer) => (out += d));
      c.on('exit', (code) => {
        clearTimeout(timer);
        if (!out.includes('listening'))
          reject(new Error(`smtp server exited with ${code}: ${out}`));
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      const c = child;
      child = null;
      if (!c || c.exitCode !== null) return resolve();
      c.once('exit', () => resolve());
      c.kill('SIGTERM');
      setTimeout(() => c.kill('SIGKILL'), 3000).unref();
    });

  const received = async (): Promise<ReceivedMail[]> => {
    const out: ReceivedMail[] = [];
    for (const f of readdirSync(inbox)
      .filter((x) => x.endsWith('.eml'))
      .sort()) {
      const parsed = await simpleParser(readFileSync(path.join(inbox, f)));
      const meta = JSON.parse(
        readFileSync(path.join(inbox, f.replace('.eml', '.json')), 'utf8'),
      ) as {
        secure: boolean;
        from?: string;
        to: string[];
      };
      out.push({
        ...meta,
        subject: parsed.subject ?? '',
        text: parsed.text ?? '',
        headers: parsed.headers as Map<string, unknown>,
      });
    }
    return out;
  };

  await start();
  return {
    port,
    env: { PORTCULLIS_MAIL: `smtp://127.0.0.1:${port}`, PORTCULLIS_MAIL_CA_FILE: ca },
    received,
    async waitFor(test, what) {
      const until = Date.now() + 15_000;
      for (;;) {
        const found = (await received()).find(test);
        if (found) return found;
        if (Date.now() > until) throw new Error(`no mail arrived: ${what}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    stop,
    start,
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
