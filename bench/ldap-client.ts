// A minimal LDAP simple-bind client for the benchmark: the same client measures
// Portcullis and slapd, so neither gets a faster or slower driver. One
// connection, one bind in flight at a time (RFC 4511 §4.2).
import net from 'node:net';

const length = (n: number): number[] =>
  n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
const tlv = (tag: number, content: Buffer) =>
  Buffer.concat([Buffer.from([tag, ...length(content.length)]), content]);
function integer(v: number): Buffer {
  const bytes: number[] = [];
  do {
    bytes.unshift(v & 0xff);
    v >>>= 8;
  } while (v > 0);
  if (bytes[0]! & 0x80) bytes.unshift(0);
  return tlv(0x02, Buffer.from(bytes));
}

/** Reads one TLV at `at`: its tag, where its content starts and ends. */
function readTlv(b: Buffer, at: number): { tag: number; start: number; end: number } | null {
  if (b.length < at + 2) return null;
  const first = b[at + 1]!;
  let len = first;
  let start = at + 2;
  if (first & 0x80) {
    const n = first & 0x7f;
    if (b.length < start + n) return null;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + b[start + i]!;
    start += n;
  }
  return b.length < start + len ? null : { tag: b[at]!, start, end: start + len };
}

export class LdapBindClient {
  private buffer = Buffer.alloc(0);
  private waiting: ((code: number) => void) | null = null;
  private messageId = 0;

  private constructor(private readonly socket: net.Socket) {
    socket.setNoDelay(true);
    socket.on('data', (d: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, d]);
      const message = readTlv(this.buffer, 0);
      if (!message) return;
      const id = readTlv(this.buffer, message.start)!;
      const op = readTlv(this.buffer, id.end)!;
      const code = readTlv(this.buffer, op.start)!;
      const result = this.buffer[code.start]!;
      this.buffer = this.buffer.subarray(message.end);
      const done = this.waiting;
      this.waiting = null;
      done?.(result);
    });
  }

  static connect(port: number): Promise<LdapBindClient> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => resolve(new LdapBindClient(socket)));
      socket.once('error', reject);
    });
  }

  /** Simple bind; resolves the LDAP result code (0 success, 49 invalid credentials). */
  bind(dn: string, password: string): Promise<number> {
    const request = tlv(
      0x30,
      Buffer.concat([
        integer(++this.messageId),
        tlv(
          0x60,
          Buffer.concat([
            integer(3),
            tlv(0x04, Buffer.from(dn, 'utf8')),
            tlv(0x80, Buffer.from(password, 'utf8')),
          ]),
        ),
      ]),
    );
    return new Promise((resolve) => {
      this.waiting = resolve;
      this.socket.write(request);
    });
  }

  close(): void {
    this.socket.destroy();
  }
}
