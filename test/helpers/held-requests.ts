// A hostile client (issue 15): many requests on many sockets, each written but
// for its last byte, then all released together — so the server sees them at
// the same moment, as an attacker's well-timed burst would arrive.
import dgram from 'node:dgram';
import net from 'node:net';

export interface Held {
  port: number;
  payload: Buffer;
}

/**
 * Sends each payload on its own connection, holding back the last byte until
 * every connection has the rest, then releases them at once; resolves with
 * each connection's bytes once `complete` says the answer is whole (or the
 * server closes).
 */
export async function holdAndRelease(
  requests: readonly Held[],
  complete: (received: Buffer) => boolean = () => false,
  timeoutMs = 60_000,
): Promise<Buffer[]> {
  const sockets = await Promise.all(
    requests.map(
      (r) =>
        new Promise<net.Socket>((resolve, reject) => {
          const s = net.connect(r.port, '127.0.0.1', () => {
            s.write(r.payload.subarray(0, -1), () => resolve(s));
          });
          s.setNoDelay(true);
          s.once('error', reject);
        }),
    ),
  );
  const answers = sockets.map(
    (s) =>
      new Promise<Buffer>((resolve) => {
        const chunks: Buffer[] = [];
        const done = () => {
          clearTimeout(timer);
          s.destroy();
          resolve(Buffer.concat(chunks));
        };
        const timer = setTimeout(done, timeoutMs);
        s.on('data', (d: Buffer) => {
          chunks.push(d);
          if (complete(Buffer.concat(chunks))) done();
        });
        s.on('end', done);
        s.on('close', done);
        s.on('error', done);
      }),
  );
  // Give the server a moment to have read every partial request, then release.
  await new Promise((r) => setTimeout(r, 200));
  for (const [i, s] of sockets.entries()) s.write(requests[i]!.payload.subarray(-1));
  return Promise.all(answers);
}

/** An HTTP/1.1 request as bytes (the connection closes after the answer). */
export function httpRequest(
  method: string,
  path: string,
  headers: Record<string, string>,
  body = '',
): Buffer {
  const lines = [
    `${method} ${path} HTTP/1.1`,
    'host: 127.0.0.1',
    'connection: close',
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    ...(body ? [`content-length: ${Buffer.byteLength(body)}`] : []),
  ];
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n${body}`);
}

/** The status code of an HTTP answer (0 when there was none). */
export const statusOf = (answer: Buffer) =>
  Number(/^HTTP\/1\.1 (\d{3})/.exec(answer.toString('latin1'))?.[1] ?? 0);

/** BER (X.690, definite lengths): a tag, its length (short or long form), its content. */
export function tlv(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  const n = body.length;
  const len =
    n < 0x80
      ? Buffer.from([n])
      : n < 0x100
        ? Buffer.from([0x81, n])
        : Buffer.from([0x82, n >> 8, n & 0xff]);
  return Buffer.concat([Buffer.from([tag]), len, body]);
}

/** An LDAPv3 simple BindRequest (RFC 4511 §4.2) as bytes. */
export function ldapSimpleBind(messageId: number, name: string, password: string): Buffer {
  const bind = tlv(
    0x60,
    tlv(0x02, Buffer.from([3])),
    tlv(0x04, Buffer.from(name)),
    tlv(0x80, Buffer.from(password)),
  );
  return tlv(0x30, tlv(0x02, Buffer.from([messageId])), bind);
}

/** Whether the bytes hold a whole LDAP message (one SEQUENCE with its length). */
export function ldapMessageComplete(b: Buffer): boolean {
  if (b.length < 2 || b[0] !== 0x30) return false;
  const first = b[1]!;
  if (first < 0x80) return b.length >= 2 + first;
  const octets = first & 0x7f;
  if (b.length < 2 + octets) return false;
  let n = 0;
  for (let i = 0; i < octets; i++) n = n * 256 + b[2 + i]!;
  return b.length >= 2 + octets + n;
}

/** The resultCode of a BindResponse (RFC 4511 §4.1.9), or -1 when there is none. */
export function ldapResultCode(b: Buffer): number {
  const at = b.indexOf(0x61);
  if (at < 0) return -1;
  // [APPLICATION 1] length, then ENUMERATED (0x0a) 0x01 code.
  const start = b[at + 1]! < 0x80 ? at + 2 : at + 2 + (b[at + 1]! & 0x7f);
  return b[start] === 0x0a ? b[start + 2]! : -1;
}

/** Sends every datagram at once from its own socket; resolves with the answers (null: none). */
export async function udpBurst(
  port: number,
  packets: readonly Buffer[],
  timeoutMs = 10_000,
): Promise<(Buffer | null)[]> {
  const sockets = await Promise.all(
    packets.map(
      () =>
        new Promise<dgram.Socket>((resolve) => {
          const s = dgram.createSocket('udp4');
          s.bind(0, '127.0.0.1', () => resolve(s));
        }),
    ),
  );
  const answers = sockets.map(
    (s) =>
      new Promise<Buffer | null>((resolve) => {
        const timer = setTimeout(() => {
          s.close();
          resolve(null);
        }, timeoutMs);
        s.once('message', (m) => {
          clearTimeout(timer);
          s.close();
          resolve(m);
        });
      }),
  );
  for (const [i, s] of sockets.entries()) s.send(packets[i]!, port, '127.0.0.1');
  return Promise.all(answers);
}
