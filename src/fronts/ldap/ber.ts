// LDAP messages (RFC 4511 §4) to and from BER. Requests come from strangers,
// so they are read with limits on depth and element count; responses are ours
// and are written directly. RFC 4511 §5.1 keeps LDAP's BER small: definite
// lengths only, OCTET STRINGs in primitive form only, and no tag number above
// 30; anything else is a protocol error. Within that, reading is a walk over
// identifier, length and contents (readElements), checked against asn1js on
// random and mutated messages (test/unit/ldap-ber.test.ts): asn1js's objects
// cost more than the rest of a bind (about 25 µs of a 60 µs bare bind).

import { type Filter, filterFromBer } from './filter.ts';

/** A decoded element: `id` is its identifier octet (e.g. 0x30 SEQUENCE, 0x60 [APPLICATION 0] constructed). */
export interface BerNode {
  id: number;
  /** A constructed element's elements (empty for a primitive one). */
  children: BerNode[];
  /** A primitive element's contents (empty for a constructed one). */
  value: Uint8Array;
}

/** Thrown for anything that is not a well-formed LDAPMessage: the connection gets a Notice of Disconnection. */
export class ProtocolError extends Error {}

const bad = (why: string): never => {
  throw new ProtocolError(why);
};

/** RFC 4511 §4.1.9 result codes the front uses. */
export const ResultCode = {
  success: 0,
  operationsError: 1,
  protocolError: 2,
  sizeLimitExceeded: 4,
  compareFalse: 5,
  compareTrue: 6,
  authMethodNotSupported: 7,
  unavailableCriticalExtension: 12,
  confidentialityRequired: 13,
  noSuchAttribute: 16,
  noSuchObject: 32,
  invalidDNSyntax: 34,
  inappropriateAuthentication: 48,
  invalidCredentials: 49,
  insufficientAccessRights: 50,
  busy: 51,
  unavailable: 52,
  unwillingToPerform: 53,
  other: 80,
} as const;

export interface LdapResult {
  code: number;
  matchedDn?: string;
  message?: string;
}

export interface Control {
  oid: string;
  critical: boolean;
  value?: Buffer;
}

/** Write operations: understood, answered with their own response type, never carried out. */
export const WRITE_RESPONSES = {
  modify: 0x67,
  add: 0x69,
  delete: 0x6b,
  modifyDn: 0x6d,
} as const;
export type WriteOp = keyof typeof WRITE_RESPONSES;

export type LdapRequest =
  | {
      op: 'bind';
      version: number;
      name: string;
      auth: { kind: 'simple'; password: Buffer } | { kind: 'sasl'; mechanism: string };
    }
  | { op: 'unbind' }
  | {
      op: 'search';
      base: string;
      /** 0 baseObject, 1 singleLevel, 2 wholeSubtree (3 subordinate, RFC 4512 extension). */
      scope: number;
      sizeLimit: number;
      timeLimit: number;
      typesOnly: boolean;
      filter: Filter;
      attributes: string[];
    }
  | { op: 'compare'; dn: string; attribute: string; value: string }
  | { op: 'extended'; oid: string; value?: Buffer }
  | { op: 'abandon'; messageId: number }
  | { op: WriteOp; dn: string };

export interface LdapMessage {
  messageId: number;
  request: LdapRequest;
  controls: Control[];
}

/** What a request needs for its answer: the response's identifier octet, if it has one. */
export const RESPONSE_OF: Record<LdapRequest['op'], number | null> = {
  bind: 0x61,
  unbind: null,
  search: 0x65,
  compare: 0x6f,
  extended: 0x78,
  abandon: null,
  ...WRITE_RESPONSES,
};

// --- framing ---

/**
 * The size of the LDAPMessage at the start of `buf` (header included), or 0
 * while its header is incomplete. Throws on what can never be a message: a
 * first octet other than SEQUENCE, the indefinite form, a length over `max`.
 */
export function messageSize(buf: Buffer, max: number): number {
  if (buf.length === 0) return 0;
  if (buf[0] !== 0x30) bad('not an LDAPMessage');
  if (buf.length < 2) return 0;
  const first = buf[1]!;
  if (first < 0x80) return 2 + first;
  const octets = first & 0x7f;
  if (octets === 0) bad('indefinite length');
  if (octets > 4) bad('message too large');
  if (buf.length < 2 + octets) return 0;
  const length = buf.readUIntBE(2, octets);
  if (length > max) bad('message too large');
  return 2 + octets + length;
}

// --- decoding ---

/** Limits for what one message may hold (beyond its size, checked while framing). */
const MAX_DEPTH = 40;
const MAX_ELEMENTS = 4096;
const EMPTY = new Uint8Array(0);

/**
 * The one element `bytes` holds, with everything inside it. An identifier in
 * the high-tag-number form (which LDAP never uses) reads as id -1, an element
 * no decoder below accepts.
 */
export function readElements(bytes: Uint8Array): BerNode {
  let count = 0;
  const read = (start: number, end: number, depth: number): [BerNode, number] => {
    if (++count > MAX_ELEMENTS) bad('too many elements');
    if (depth > MAX_DEPTH) bad('nested too deep');
    let i = start;
    const first = bytes[i++]!;
    let id = first;
    if ((first & 0x1f) === 0x1f) {
      while (i < end && bytes[i]! & 0x80) i++;
      i++;
      id = -1;
    }
    if (i >= end) bad('truncated element');
    let length = bytes[i++]!;
    if (length & 0x80) {
      const octets = length & 0x7f;
      if (octets === 0) bad('indefinite length');
      if (octets > 4 || i + octets > end) bad('bad length');
      length = 0;
      for (const stop = i + octets; i < stop; i++) length = length * 256 + bytes[i]!;
    }
    const valueEnd = i + length;
    if (valueEnd > end) bad('truncated element');
    if (!(first & 0x20))
      return [{ id, children: [], value: bytes.subarray(i, valueEnd) }, valueEnd];
    const children: BerNode[] = [];
    while (i < valueEnd) {
      const [child, next] = read(i, valueEnd, depth + 1);
      children.push(child);
      i = next;
    }
    return [{ id, children, value: EMPTY }, valueEnd];
  };
  if (bytes.length === 0) bad('no element');
  const [root, end] = read(0, bytes.length, 0);
  if (end !== bytes.length) bad('trailing bytes');
  return root;
}

const str = (n: BerNode | undefined, id = 0x04): string => {
  if (!n || n.id !== id) bad('string expected');
  return Buffer.from(n!.value).toString('utf8');
};

/** A non-negative INTEGER or ENUMERATED below 2³¹ (RFC 4511 maxInt). */
function uint(n: BerNode | undefined, id = 0x02): number {
  if (!n || n.id !== id || n.value.length < 1 || n.value.length > 5) bad('integer expected');
  const v = n!.value;
  if (v[0]! & 0x80) bad('negative integer');
  let x = 0;
  for (const byte of v) x = x * 256 + byte;
  if (x > 0x7fffffff) bad('integer too large');
  return x;
}

function bool(n: BerNode | undefined): boolean {
  if (n?.id !== 0x01 || n.value.length !== 1) return bad('boolean expected');
  return n.value[0] !== 0;
}

function decodeRequest(op: BerNode): LdapRequest {
  const k = op.children;
  switch (op.id) {
    case 0x60: {
      const version = uint(k[0]);
      const name = str(k[1]);
      const auth = k[2];
      if (k.length !== 3 || !auth) return bad('bind request');
      if (auth.id === 0x80)
        return {
          op: 'bind',
          version,
          name,
          auth: { kind: 'simple', password: Buffer.from(auth.value) },
        };
      if (auth.id === 0xa3)
        return {
          op: 'bind',
          version,
          name,
          auth: { kind: 'sasl', mechanism: str(auth.children[0]) },
        };
      return bad('bind authentication choice');
    }
    case 0x42:
      return { op: 'unbind' };
    case 0x63: {
      if (k.length !== 8 || k[7]!.id !== 0x30) bad('search request');
      const scope = uint(k[1], 0x0a);
      uint(k[2], 0x0a); // derefAliases: there are no aliases here
      return {
        op: 'search',
        base: str(k[0]),
        scope,
        sizeLimit: uint(k[3]),
        timeLimit: uint(k[4]),
        typesOnly: bool(k[5]),
        filter: filterFromBer(k[6]!),
        attributes: k[7]!.children.map((a) => str(a)),
      };
    }
    case 0x6e: {
      const ava = k[1];
      if (k.length !== 2 || ava?.id !== 0x30 || ava.children.length !== 2) bad('compare request');
      return {
        op: 'compare',
        dn: str(k[0]),
        attribute: str(ava!.children[0]),
        value: str(ava!.children[1]),
      };
    }
    case 0x77: {
      const oid = str(k[0], 0x80);
      if (k.length > 2 || (k[1] && k[1].id !== 0x81)) bad('extended request');
      return { op: 'extended', oid, ...(k[1] ? { value: Buffer.from(k[1].value) } : {}) };
    }
    case 0x50:
      return { op: 'abandon', messageId: uint(op, 0x50) };
    case 0x66:
      return { op: 'modify', dn: str(k[0]) };
    case 0x68:
      return { op: 'add', dn: str(k[0]) };
    case 0x4a:
      return { op: 'delete', dn: Buffer.from(op.value).toString('utf8') };
    case 0x6c:
      return { op: 'modifyDn', dn: str(k[0]) };
    default:
      return bad(`unknown operation 0x${op.id.toString(16)}`);
  }
}

function decodeControls(n: BerNode | undefined): Control[] {
  if (!n) return [];
  if (n.id !== 0xa0) bad('controls expected');
  return n.children.map((c) => {
    const [type, ...rest] = c.children;
    if (c.id !== 0x30) bad('control');
    let critical = false;
    let value: Buffer | undefined;
    for (const r of rest) {
      if (r.id === 0x01 && value === undefined) critical = bool(r);
      else if (r.id === 0x04 && value === undefined) value = Buffer.from(r.value);
      else bad('control');
    }
    return { oid: str(type), critical, ...(value ? { value } : {}) };
  });
}

/**
 * One LDAPMessage (RFC 4511 §4.1.1) from exactly its bytes. What cannot be read
 * throws ProtocolError: §4.1.1 asks for a Notice of Disconnection then, not
 * an answer to the request.
 */
export function decodeMessage(bytes: Uint8Array): LdapMessage {
  const root = readElements(bytes);
  const [id, op, controls, ...rest] = root.children;
  if (root.id !== 0x30 || !op || rest.length) bad('not an LDAPMessage');
  const messageId = uint(id);
  if (messageId === 0) bad('messageID 0 is for unsolicited notifications');
  return { messageId, request: decodeRequest(op!), controls: decodeControls(controls) };
}

// --- encoding ---

function header(id: number, length: number): Buffer {
  if (length < 0x80) return Buffer.from([id, length]);
  const octets = length < 0x100 ? 1 : length < 0x10000 ? 2 : length < 0x1000000 ? 3 : 4;
  const h = Buffer.alloc(2 + octets);
  h[0] = id;
  h[1] = 0x80 | octets;
  h.writeUIntBE(length, 2, octets);
  return h;
}

/** One element: its identifier octet, its length, its contents. */
export function tlv(id: number, ...content: (Buffer | string)[]): Buffer {
  const parts = content.map((c) => (typeof c === 'string' ? Buffer.from(c, 'utf8') : c));
  const length = parts.reduce((n, p) => n + p.length, 0);
  return Buffer.concat([header(id, length), ...parts]);
}

/** An INTEGER's (or ENUMERATED's) contents: two's complement, shortest form. */
function intBytes(n: number): Buffer {
  const bytes: number[] = [];
  let v = n;
  do {
    bytes.unshift(v & 0xff);
    v = Math.floor(v / 256);
  } while (v > 0);
  if (bytes[0]! & 0x80) bytes.unshift(0);
  return Buffer.from(bytes);
}

const message = (messageId: number, op: Buffer) => tlv(0x30, tlv(0x02, intBytes(messageId)), op);

/** LDAPResult's components (RFC 4511 §4.1.9): resultCode, matchedDN, diagnosticMessage. */
const resultParts = (r: LdapResult) => [
  tlv(0x0a, intBytes(r.code)),
  tlv(0x04, r.matchedDn ?? ''),
  tlv(0x04, r.message ?? ''),
];

/** A response that is an LDAPResult (BindResponse, SearchResultDone, CompareResponse, …). */
export const encodeResult = (messageId: number, responseId: number, r: LdapResult) =>
  message(messageId, tlv(responseId, ...resultParts(r)));

/** ExtendedResponse (RFC 4511 §4.12): an LDAPResult, then responseName [10], responseValue [11]. */
export const encodeExtended = (
  messageId: number,
  r: LdapResult,
  extra: { oid?: string; value?: string } = {},
) =>
  message(
    messageId,
    tlv(
      0x78,
      ...resultParts(r),
      ...(extra.oid !== undefined ? [tlv(0x8a, extra.oid)] : []),
      ...(extra.value !== undefined ? [tlv(0x8b, extra.value)] : []),
    ),
  );

/** SearchResultEntry (RFC 4511 §4.5.2): the DN, then each attribute with its values. */
export const encodeEntry = (
  messageId: number,
  dn: string,
  attributes: readonly (readonly [string, readonly string[]])[],
) =>
  message(
    messageId,
    tlv(
      0x64,
      tlv(0x04, dn),
      tlv(
        0x30,
        ...attributes.map(([name, values]) =>
          tlv(0x30, tlv(0x04, name), tlv(0x31, ...values.map((v) => tlv(0x04, v)))),
        ),
      ),
    ),
  );

/** RFC 4511 §4.4.1: the Notice of Disconnection, an unsolicited ExtendedResponse with messageID 0. */
export const NOTICE_OF_DISCONNECTION = '1.3.6.1.4.1.1466.20036';
export const encodeNoticeOfDisconnection = (code: number, text: string) =>
  encodeExtended(0, { code, message: text }, { oid: NOTICE_OF_DISCONNECTION });
