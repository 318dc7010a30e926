// LDAP on a plain socket, for tests that need exact bytes: requests written
// by hand (BER from held-requests.ts) and responses read one message at a time.
import net from 'node:net';
import { tlv } from './held-requests.ts';

export { tlv };

const int = (n: number) => {
  const bytes: number[] = [];
  let v = n;
  do {
    bytes.unshift(v & 0xff);
    v = Math.floor(v / 256);
  } while (v > 0);
  if (bytes[0]! & 0x80) bytes.unshift(0);
  return tlv(0x02, Buffer.from(bytes));
};

/** LDAPMessage { messageID, protocolOp }. */
export const message = (id: number, op: Buffer, ...controls: Buffer[]) =>
  tlv(0x30, int(id), op, ...(controls.length ? [tlv(0xa0, ...controls)] : []));

export const bind = (id: number, name: string, password: string, version = 3) =>
  message(
    id,
    tlv(0x60, int(version), tlv(0x04, Buffer.from(name)), tlv(0x80, Buffer.from(password))),
  );
export const saslBind = (id: number, mechanism: string) =>
  message(id, tlv(0x60, int(3), tlv(0x04), tlv(0xa3, tlv(0x04, Buffer.from(mechanism)))));
export const extended = (id: number, oid: string) =>
  message(id, tlv(0x77, tlv(0x80, Buffer.from(oid))));
export const whoami = (id: number) => extended(id, '1.3.6.1.4.1.4203.1.11.3');
export const unbind = (id: number) => message(id, Buffer.from([0x42, 0x00]));
export const abandon = (id: number, target: number) =>
  message(id, Buffer.concat([Buffer.from([0x50, 0x01]), Buffer.from([target])]));
/** A search with (objectClass=*) unless another filter's bytes are given. */
export const search = (id: number, base: string, scope = 0, filter?: Buffer) =>
  message(
    id,
    tlv(
      0x63,
      tlv(0x04, Buffer.from(base)),
      tlv(0x0a, Buffer.from([scope])),
      tlv(0x0a, Buffer.from([0])),
      int(0),
      int(0),
      tlv(0x01, Buffer.from([0])),
      filter ?? tlv(0x87, Buffer.from('objectClass')),
      tlv(0x30),
    ),
  );

export interface Response {
  messageId: number;
  /** The protocolOp's identifier octet (0x61 BindResponse, 0x64 entry, 0x65 SearchResultDone, 0x78 ExtendedResponse…). */
  op: number;
  /** The resultCode, or -1 for a SearchResultEntry. */
  resultCode: number;
  /** The responseName of an ExtendedResponse, when there is one. */
  name?: string;
  /** The responseValue of an ExtendedResponse, when there is one. */
  value?: string;
}

interface Tlv {
  id: number;
  content: Buffer;
  size: number;
}

function readTlv(buf: Buffer): Tlv | null {
  if (buf.length < 2) return null;
  let length = buf[1]!;
  let header = 2;
  if (length & 0x80) {
    const octets = length & 0x7f;
    if (buf.length < 2 + octets) return null;
    length = buf.readUIntBE(2, octets);
    header += octets;
  }
  if (buf.length < header + length) return null;
  return { id: buf[0]!, content: buf.subarray(header, header + length), size: header + length };
}

function decode(m: Tlv): Response {
  const id = readTlv(m.content)!;
  const op = readTlv(m.content.subarray(id.size))!;
  const r: Response = {
    messageId: id.content.length ? id.content.readUIntBE(0, id.content.length) : 0,
    op: op.id,
    resultCode: -1,
  };
  if (op.id === 0x64) return r;
  let rest = op.content;
  const code = readTlv(rest)!;
  r.resultCode = code.content.readUIntBE(0, code.content.length);
  rest = rest.subarray(code.size);
  for (let part = readTlv(rest); part; part = readTlv(rest)) {
    if (part.id === 0x8a) r.name = part.content.toString();
    if (part.id === 0x8b) r.value = part.content.toString();
    rest = rest.subarray(part.size);
  }
  return r;
}

/** A raw connection: `write` bytes, `next` resolves with the next response or 'closed'. */
export async function rawConnection(port: number) {
  const sock = net.connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    sock.once('connect', resolve);
    sock.once('error', reject);
  });
  let buf = Buffer.alloc(0);
  let closed = false;
  const waiting: (() => void)[] = [];
  const wake = () => {
    for (const w of waiting.splice(0)) w();
  };
  sock.on('data', (d) => {
    buf = Buffer.concat([buf, d]);
    wake();
  });
  sock.on('close', () => {
    closed = true;
    wake();
  });
  sock.on('error', () => {});
  const next = async (timeoutMs = 5000): Promise<Response | 'closed' | 'timeout'> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const m = readTlv(buf);
      if (m) {
        buf = buf.subarray(m.size);
        return decode(m);
      }
      if (closed) return 'closed';
      if (Date.now() > deadline) return 'timeout';
      await new Promise<void>((r) => {
        waiting.push(r);
        setTimeout(r, 50);
      });
    }
  };
  return {
    socket: sock,
    write: (bytes: Buffer) => sock.write(bytes),
    next,
    /** Responses until `count` operations have ended (entries are collected too). */
    async collect(count: number, timeoutMs = 5000) {
      const out: Response[] = [];
      let ended = 0;
      while (ended < count) {
        const r = await next(timeoutMs);
        if (typeof r === 'string') break;
        out.push(r);
        if (r.op !== 0x64) ended++;
      }
      return out;
    },
    close: () => sock.destroy(),
    get closed() {
      return closed;
    },
  };
}
