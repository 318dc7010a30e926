// RADIUS clients for tests: Debian's radclient for the raw exchanges, and a
// packet-level client (the `radius` library) where a test must send the very
// same packet twice (a retransmission).
import { spawn, spawnSync } from 'node:child_process';
import dgram from 'node:dgram';
import radius from 'radius';

export const hasRadclient =
  spawnSync('radclient', ['-v']).status !== null && spawnSync('which', ['radclient']).status === 0;

export interface RadclientReply {
  /** Access-Accept, Access-Reject, Access-Challenge, or null when nothing came back. */
  code: string | null;
  /** The State as radclient prints it (0x…), to send back. */
  state: string | null;
  replyMessage: string | null;
  output: string;
}

/** Sends one Access-Request with radclient (with a Message-Authenticator unless told not to). */
export function radclient(
  port: number,
  secret: string,
  attrs: Record<string, string>,
  opts: { timeoutSeconds?: number; withAuthenticator?: boolean } = {},
): Promise<RadclientReply> {
  const lines = Object.entries(attrs).map(([k, v]) =>
    // State is octets: radclient takes it as 0x… unquoted.
    v.startsWith('0x') ? `${k} = ${v}` : `${k} = "${v.replace(/["\\]/g, '\\$&')}"`,
  );
  if (opts.withAuthenticator !== false) lines.push('Message-Authenticator = 0x00');
  return new Promise((resolve) => {
    const child = spawn(
      'radclient',
      [
        '-x',
        '-r',
        '1',
        '-t',
        String(opts.timeoutSeconds ?? 5),
        `127.0.0.1:${port}`,
        'auth',
        secret,
      ],
      { stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', () => {
      const received = /Received (Access-\w+)[\s\S]*$/.exec(out);
      const tail = received?.[0] ?? '';
      resolve({
        code: received?.[1] ?? null,
        state: /State = (0x[0-9a-f]+)/.exec(tail)?.[1] ?? null,
        replyMessage: /Reply-Message = "((?:[^"\\]|\\.)*)"/.exec(tail)?.[1] ?? null,
        output: out,
      });
    });
    child.stdin.end(`${lines.join('\n')}\n`);
  });
}

/** A client that can send one encoded packet several times from one socket (a retransmission). */
export async function packetClient(port: number, secret: string) {
  const socket = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const replies: radius.RadiusPacket[] = [];
  const waiting: ((p: radius.RadiusPacket) => void)[] = [];
  socket.on('message', (msg) => {
    const p = radius.decode({ packet: msg, secret });
    const w = waiting.shift();
    if (w) w(p);
    else replies.push(p);
  });
  let identifier = 0;
  return {
    /** An Access-Request with a Message-Authenticator, encoded once. */
    request(attributes: [string, string | Buffer][]): Buffer {
      return radius.encode({
        code: 'Access-Request',
        identifier: ++identifier % 256,
        secret,
        attributes,
        add_message_authenticator: true,
      });
    },
    send(packet: Buffer) {
      socket.send(packet, port, '127.0.0.1');
    },
    /** The next reply, or null after `ms`. */
    next(ms: number): Promise<radius.RadiusPacket | null> {
      const ready = replies.shift();
      if (ready) return Promise.resolve(ready);
      return new Promise((resolve) => {
        const w = (p: radius.RadiusPacket) => {
          clearTimeout(timer);
          resolve(p);
        };
        const timer = setTimeout(() => {
          waiting.splice(waiting.indexOf(w), 1);
          resolve(null);
        }, ms);
        waiting.push(w);
      });
    },
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
