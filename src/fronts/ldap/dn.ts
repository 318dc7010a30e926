// Distinguished names as strings (RFC 4514): parsed into RDNs of attribute
// type and value pairs, compared the way a directory compares them, written
// back with the escapes RFC 4514 §2.4 asks for.

/** One `type=value` of an RDN. */
export interface Ava {
  /** As written: a name (`uid`, compared case-insensitively) or an OID (`0.9.2342.19200300.100.1.1`). */
  type: string;
  /** The value with its escapes undone (a `#`-hex value: the string inside its BER encoding). */
  value: string;
}
/** A relative DN: one or more AVAs joined by `+` (RFC 4514 §2.2: multi-valued). */
export type Rdn = Ava[];
/** The RDNs from the leftmost (the entry's own) to the rightmost (the top of the tree). */
export type Dn = Rdn[];

export class DnSyntaxError extends Error {}

const SPECIAL = new Set([...'"+,;<>\\=#']);
const HEX = /^[0-9a-fA-F]{2}$/;
const TYPE = /^(?:[A-Za-z][A-Za-z0-9-]*|\d+(?:\.\d+)*)$/;

/**
 * Reads a DN string. Beside RFC 4514 it accepts what RFC 2253 and older
 * clients write: spaces around separators and `=`, `;` between RDNs, values
 * in double quotes, and an `OID.` prefix on numeric types (RFC 1779).
 */
export function parseDn(text: string): Dn {
  const s = text;
  let i = 0;
  const fail = (why: string): never => {
    throw new DnSyntaxError(`invalid DN at ${i}: ${why}`);
  };
  const skipSpaces = () => {
    while (s[i] === ' ') i++;
  };
  const dn: Dn = [];
  skipSpaces();
  if (i === s.length) return dn;
  let rdn: Rdn = [];
  for (;;) {
    skipSpaces();
    const typeStart = i;
    while (i < s.length && s[i] !== '=' && s[i] !== ' ') i++;
    let type = s.slice(typeStart, i);
    if (/^oid\./i.test(type)) type = type.slice(4);
    if (!TYPE.test(type)) fail('attribute type');
    skipSpaces();
    if (s[i] !== '=') fail("'=' expected");
    i++;
    skipSpaces();
    const value = s[i] === '#' ? hexValue() : s[i] === '"' ? quotedValue() : stringValue();
    rdn.push({ type, value });
    skipSpaces();
    if (i === s.length) break;
    const sep = s[i++];
    if (sep === '+') continue;
    if (sep !== ',' && sep !== ';') fail('separator expected');
    dn.push(rdn);
    rdn = [];
  }
  dn.push(rdn);
  return dn;

  /** `#` then the hex of a BER-encoded value (RFC 4514 §2.4); string types are read out. */
  function hexValue(): string {
    const start = ++i;
    while (i < s.length && /[0-9a-fA-F]/.test(s[i]!)) i++;
    const hex = s.slice(start, i);
    if (hex.length === 0 || hex.length % 2) fail('hex value');
    return berString(Buffer.from(hex, 'hex')) ?? fail('hex value is not a BER string');
  }

  function quotedValue(): string {
    i++;
    const bytes: number[] = [];
    for (;;) {
      if (i >= s.length) fail('unterminated quoted value');
      const c = s[i]!;
      if (c === '"') {
        i++;
        return utf8(bytes);
      }
      if (c === '\\') escaped(bytes);
      else pushChar(bytes);
    }
  }

  function stringValue(): string {
    const bytes: number[] = [];
    /** Length of `bytes` up to the last character that was not an unescaped space. */
    let kept = 0;
    while (i < s.length) {
      const c = s[i]!;
      if (c === ',' || c === ';' || c === '+') break;
      if (c === '\\') {
        escaped(bytes);
        kept = bytes.length;
        continue;
      }
      // RFC 4514 §3: these must be escaped inside a value ('=' need not be).
      if (c === '"' || c === '<' || c === '>' || c === '\0') fail(`unescaped '${c}'`);
      pushChar(bytes);
      if (c !== ' ') kept = bytes.length;
    }
    return utf8(bytes.slice(0, kept));
  }

  function escaped(bytes: number[]) {
    const next = s[i + 1];
    if (next !== undefined && SPECIAL.has(next)) {
      bytes.push(next.charCodeAt(0));
      i += 2;
    } else if (next === ' ') {
      bytes.push(0x20);
      i += 2;
    } else if (HEX.test(s.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(s.slice(i + 1, i + 3), 16));
      i += 3;
    } else fail('bad escape');
  }

  function pushChar(bytes: number[]) {
    const ch = String.fromCodePoint(s.codePointAt(i)!);
    for (const b of Buffer.from(ch, 'utf8')) bytes.push(b);
    i += ch.length;
  }

  function utf8(bytes: number[]): string {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
    } catch {
      return fail('value is not UTF-8');
    }
  }
}

/** The string inside a BER-encoded OCTET STRING or character string, short form or long. */
function berString(b: Buffer): string | null {
  const stringTags = new Set([0x04, 0x0c, 0x13, 0x14, 0x16, 0x1a]);
  if (b.length < 2 || !stringTags.has(b[0]!)) return null;
  let length = b[1]!;
  let at = 2;
  if (length & 0x80) {
    const n = length & 0x7f;
    if (n === 0 || n > 3 || b.length < 2 + n) return null;
    length = b.readUIntBE(2, n);
    at += n;
  }
  if (at + length !== b.length) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(at));
  } catch {
    return null;
  }
}

/** Escapes an attribute value for a DN string (RFC 4514 §2.4). */
export function escapeDnValue(v: string): string {
  return v
    .replace(/[,+"\\<>;=]/g, '\\$&')
    .replace(/\0/g, '\\00')
    .replace(/^[ #]/, '\\$&')
    .replace(/ $/, '\\ ');
}

/** The DN as RFC 4514 writes it (types as they were given). */
export function formatDn(dn: Dn): string {
  return dn.map((rdn) => rdn.map((a) => `${a.type}=${escapeDnValue(a.value)}`).join('+')).join(',');
}

/** Well-known names of the types RFC 4514 §3 lists, by OID, for comparing `2.5.4.3=x` with `cn=x`. */
const TYPE_NAMES: Record<string, string> = {
  '2.5.4.3': 'cn',
  '2.5.4.7': 'l',
  '2.5.4.8': 'st',
  '2.5.4.10': 'o',
  '2.5.4.11': 'ou',
  '2.5.4.6': 'c',
  '2.5.4.9': 'street',
  '0.9.2342.19200300.100.1.25': 'dc',
  '0.9.2342.19200300.100.1.1': 'uid',
};

/** A type as compared: lowercase, an OID named where RFC 4514 names it. */
export const typeKey = (type: string) => {
  const t = type.toLowerCase();
  return TYPE_NAMES[t] ?? t;
};

/** Values compared as caseIgnoreMatch does: case and runs of spaces do not matter (RFC 4518, roughly). */
export const valueKey = (value: string) =>
  value.normalize('NFKC').toLowerCase().trim().replace(/ +/g, ' ');

const avaKey = (a: Ava) => `${typeKey(a.type)}=${valueKey(a.value)}`;
/** An RDN's AVAs are a set (RFC 4512 §2.3.1): their order does not matter. */
const rdnKey = (rdn: Rdn) => rdn.map(avaKey).sort().join('+');

export const rdnEquals = (a: Rdn, b: Rdn) => a.length === b.length && rdnKey(a) === rdnKey(b);

export const dnEquals = (a: Dn, b: Dn) =>
  a.length === b.length && a.every((r, i) => rdnEquals(r, b[i]!));

/** Whether `dn` is `base` or below it. */
export function isWithin(dn: Dn, base: Dn): boolean {
  if (dn.length < base.length) return false;
  const tail = dn.slice(dn.length - base.length);
  return tail.every((r, i) => rdnEquals(r, base[i]!));
}

/** A DN for comparing as a whole (a map key): normalized types and values. */
export const dnKey = (dn: Dn) => dn.map(rdnKey).join(',');
