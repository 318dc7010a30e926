// Search filters (RFC 4511 §4.5.1): read from BER into a tree, written as the
// string of RFC 4515 (and read from one, for tests and configuration), and
// evaluated against an entry's attributes.

import type { BerNode } from './ber.ts';
import { type Dn, parseDn, typeKey, valueKey } from './dn.ts';

export type Filter =
  | { type: 'and' | 'or'; filters: Filter[] }
  | { type: 'not'; filter: Filter }
  | { type: 'equal' | 'ge' | 'le' | 'approx'; attribute: string; value: string }
  | { type: 'substrings'; attribute: string; initial?: string; any: string[]; final?: string }
  | { type: 'present'; attribute: string }
  | {
      type: 'extensible';
      rule?: string;
      attribute?: string;
      value: string;
      dnAttributes: boolean;
    };

export class FilterError extends Error {}

/** An entry as the search layer sees it: its DN and its attributes (names in any case). */
export interface LdapEntry {
  dn: string;
  attributes: Record<string, readonly string[]>;
}

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

/** Filter from its BER form (the CHOICE of RFC 4511 §4.5.1). */
export function filterFromBer(node: BerNode): Filter {
  const bad = (why: string): never => {
    throw new FilterError(`bad filter: ${why}`);
  };
  const kids = node.children;
  const ava = () => {
    if (kids.length !== 2 || kids[0]!.id !== 0x04 || kids[1]!.id !== 0x04) bad('assertion');
    return { attribute: text(kids[0]!.value), value: text(kids[1]!.value) };
  };
  switch (node.id) {
    case 0xa0:
    case 0xa1:
      return { type: node.id === 0xa0 ? 'and' : 'or', filters: kids.map(filterFromBer) };
    case 0xa2:
      if (kids.length !== 1) bad('not');
      return { type: 'not', filter: filterFromBer(kids[0]!) };
    case 0xa3:
      return { type: 'equal', ...ava() };
    case 0xa5:
      return { type: 'ge', ...ava() };
    case 0xa6:
      return { type: 'le', ...ava() };
    case 0xa8:
      return { type: 'approx', ...ava() };
    case 0x87:
      return { type: 'present', attribute: text(node.value) };
    case 0xa4: {
      const [attr, subs] = kids;
      if (kids.length !== 2 || attr!.id !== 0x04 || subs!.id !== 0x30 || !subs!.children.length)
        bad('substrings');
      const f: Filter = { type: 'substrings', attribute: text(attr!.value), any: [] };
      subs!.children.forEach((s, i) => {
        const v = text(s.value);
        // RFC 4511 §4.5.1.7.2: initial at most once and first, final at most once and last.
        if (s.id === 0x80 && i === 0) f.initial = v;
        else if (s.id === 0x81) f.any.push(v);
        else if (s.id === 0x82 && i === subs!.children.length - 1) f.final = v;
        else bad('substring order');
      });
      return f;
    }
    case 0xa9: {
      const f: Filter = { type: 'extensible', value: '', dnAttributes: false };
      let value = false;
      for (const k of kids) {
        if (k.id === 0x81 && !value) f.rule = text(k.value);
        else if (k.id === 0x82 && !value) f.attribute = text(k.value);
        else if (k.id === 0x83 && !value) {
          f.value = text(k.value);
          value = true;
        } else if (k.id === 0x84 && value)
          f.dnAttributes = k.value.length === 1 && k.value[0] !== 0;
        else bad('extensible');
      }
      if (!value || (!f.rule && !f.attribute)) bad('extensible needs a value and a rule or type');
      return f;
    }
    default:
      return bad(`unknown choice 0x${node.id.toString(16)}`);
  }
}

// --- the string form (RFC 4515) ---

/** Escapes an assertion value (RFC 4515 §3: `*`, `(`, `)`, `\` and NUL as `\XX`). */
export const escapeFilterValue = (v: string) =>
  v.replace(/[*()\\\0]/g, (c) => `\\${c.charCodeAt(0).toString(16).padStart(2, '0')}`);

export function formatFilter(f: Filter): string {
  switch (f.type) {
    case 'and':
      return `(&${f.filters.map(formatFilter).join('')})`;
    case 'or':
      return `(|${f.filters.map(formatFilter).join('')})`;
    case 'not':
      return `(!${formatFilter(f.filter)})`;
    case 'equal':
      return `(${f.attribute}=${escapeFilterValue(f.value)})`;
    case 'ge':
      return `(${f.attribute}>=${escapeFilterValue(f.value)})`;
    case 'le':
      return `(${f.attribute}<=${escapeFilterValue(f.value)})`;
    case 'approx':
      return `(${f.attribute}~=${escapeFilterValue(f.value)})`;
    case 'present':
      return `(${f.attribute}=*)`;
    case 'substrings':
      return `(${f.attribute}=${[f.initial ?? '', ...f.any, f.final ?? ''].map(escapeFilterValue).join('*')})`;
    case 'extensible':
      return `(${f.attribute ?? ''}${f.dnAttributes ? ':dn' : ''}${f.rule ? `:${f.rule}` : ''}:=${escapeFilterValue(f.value)})`;
  }
}

/** Reads the string form; a bare item without parentheses (`uid=x`) is taken as ldapsearch takes it. */
export function parseFilter(input: string): Filter {
  const s = input.trim().startsWith('(') ? input.trim() : `(${input.trim()})`;
  let i = 0;
  const bad = (why: string): never => {
    throw new FilterError(`bad filter at ${i}: ${why}`);
  };
  const f = filter();
  if (i !== s.length) bad('trailing characters');
  return f;

  function filter(depth = 0): Filter {
    if (depth > 50) bad('nested too deeply');
    if (s[i] !== '(') bad("'(' expected");
    i++;
    let f: Filter;
    const c = s[i];
    if (c === '&' || c === '|') {
      i++;
      const filters: Filter[] = [];
      while (s[i] === '(') filters.push(filter(depth + 1));
      f = { type: c === '&' ? 'and' : 'or', filters };
    } else if (c === '!') {
      i++;
      f = { type: 'not', filter: filter(depth + 1) };
    } else f = item();
    if (s[i] !== ')') bad("')' expected");
    i++;
    return f;
  }

  function item(): Filter {
    const start = i;
    while (i < s.length && !'=~<>()'.includes(s[i]!)) i++;
    const left = s.slice(start, i);
    const op = s[i] === '=' ? '=' : s.slice(i, i + 2);
    if (!['=', '~=', '>=', '<='].includes(op)) bad('operator expected');
    i += op.length;
    const rawStart = i;
    while (i < s.length && s[i] !== ')' && s[i] !== '(') i++;
    const raw = s.slice(rawStart, i);
    if (op === '=' && left.endsWith(':')) return extensible(left.slice(0, -1), raw);
    if (!/^[A-Za-z0-9][A-Za-z0-9.;-]*$/.test(left)) bad('attribute description');
    if (op !== '=') {
      const type = op === '~=' ? 'approx' : op === '>=' ? 'ge' : 'le';
      return { type, attribute: left, value: unescapeValue(raw) };
    }
    if (raw === '*') return { type: 'present', attribute: left };
    if (!raw.includes('*')) return { type: 'equal', attribute: left, value: unescapeValue(raw) };
    const parts = raw.split('*').map((p) => unescapeValue(p));
    const initial = parts.shift()!;
    const final = parts.pop()!;
    if (parts.some((p) => p === '')) bad('empty substring');
    return {
      type: 'substrings',
      attribute: left,
      ...(initial ? { initial } : {}),
      any: parts,
      ...(final ? { final } : {}),
    };
  }

  /** `attr[:dn][:rule]:=value` or `[:dn]:rule:=value` (the last ':' already taken off). */
  function extensible(left: string, raw: string): Filter {
    const parts = left.split(':');
    const attribute = parts.shift() || undefined;
    let dnAttributes = false;
    if (parts[0]?.toLowerCase() === 'dn') {
      dnAttributes = true;
      parts.shift();
    }
    const rule = parts.shift();
    if (parts.length || (!attribute && !rule)) bad('extensible match');
    return {
      type: 'extensible',
      ...(rule ? { rule } : {}),
      ...(attribute ? { attribute } : {}),
      value: unescapeValue(raw),
      dnAttributes,
    };
  }

  function unescapeValue(v: string): string {
    if (v.includes('*')) bad("unescaped '*'");
    const bytes: number[] = [];
    for (let k = 0; k < v.length; ) {
      if (v[k] === '\\') {
        const hex = v.slice(k + 1, k + 3);
        if (!/^[0-9a-fA-F]{2}$/.test(hex)) bad('bad escape');
        bytes.push(Number.parseInt(hex, 16));
        k += 3;
      } else {
        const ch = String.fromCodePoint(v.codePointAt(k)!);
        bytes.push(...Buffer.from(ch, 'utf8'));
        k += ch.length;
      }
    }
    return Buffer.from(bytes).toString('utf8');
  }
}

// --- evaluation ---

/** RFC 4511 §4.5.1.7: a filter is TRUE, FALSE or Undefined (here `undefined`). */
type Truth = boolean | undefined;

const CASE_IGNORE = new Set(['2.5.13.2', 'caseignorematch', '2.5.13.3', 'caseignoreorderingmatch']);
const CASE_EXACT = new Set(['2.5.13.5', 'caseexactmatch']);

/** The values of an attribute (name compared case-insensitively; OIDs of DN types named). */
function valuesOf(entry: LdapEntry, attribute: string): readonly string[] | undefined {
  const want = typeKey(attribute.split(';')[0]!);
  for (const [name, values] of Object.entries(entry.attributes))
    if (typeKey(name) === want) return values;
  return undefined;
}

const compareOrdered = (a: string, b: string) => {
  // Integers order as numbers (integerOrderingMatch); everything else as caseIgnoreOrderingMatch.
  if (/^-?\d{1,15}$/.test(a) && /^-?\d{1,15}$/.test(b)) return Number(a) - Number(b);
  const x = valueKey(a);
  const y = valueKey(b);
  return x < y ? -1 : x > y ? 1 : 0;
};

function substringMatch(value: string, f: Extract<Filter, { type: 'substrings' }>): boolean {
  let v = valueKey(value);
  const key = (s: string) => valueKey(s);
  if (f.initial !== undefined) {
    if (!v.startsWith(key(f.initial))) return false;
    v = v.slice(key(f.initial).length);
  }
  for (const part of f.any) {
    const at = v.indexOf(key(part));
    if (at < 0) return false;
    v = v.slice(at + key(part).length);
  }
  return f.final === undefined || v.endsWith(key(f.final));
}

function evaluate(f: Filter, entry: LdapEntry, dn: () => Dn | null): Truth {
  switch (f.type) {
    case 'and': {
      let result: Truth = true;
      for (const g of f.filters) {
        const r = evaluate(g, entry, dn);
        if (r === false) return false;
        if (r === undefined) result = undefined;
      }
      return result;
    }
    case 'or': {
      let result: Truth = false;
      for (const g of f.filters) {
        const r = evaluate(g, entry, dn);
        if (r === true) return true;
        if (r === undefined) result = undefined;
      }
      return result;
    }
    case 'not': {
      const r = evaluate(f.filter, entry, dn);
      return r === undefined ? undefined : !r;
    }
    case 'present':
      // objectClass is on every entry (RFC 4512 §2.4.1), so (objectClass=*) matches all.
      return !!valuesOf(entry, f.attribute)?.length || typeKey(f.attribute) === 'objectclass';
    case 'equal':
    case 'approx': {
      const values = valuesOf(entry, f.attribute);
      if (!values) return false;
      const squeeze = (s: string) =>
        f.type === 'approx' ? valueKey(s).replace(/ /g, '') : valueKey(s);
      const want = squeeze(f.value);
      return values.some((v) => squeeze(v) === want);
    }
    case 'ge':
    case 'le': {
      const values = valuesOf(entry, f.attribute);
      if (!values) return false;
      return values.some((v) =>
        f.type === 'ge' ? compareOrdered(v, f.value) >= 0 : compareOrdered(v, f.value) <= 0,
      );
    }
    case 'substrings':
      return !!valuesOf(entry, f.attribute)?.some((v) => substringMatch(v, f));
    case 'extensible': {
      const rule = f.rule?.toLowerCase();
      if (rule && !CASE_IGNORE.has(rule) && !CASE_EXACT.has(rule)) return undefined;
      const same = (v: string) =>
        rule && CASE_EXACT.has(rule) ? v === f.value : valueKey(v) === valueKey(f.value);
      const values: string[] = [];
      if (f.attribute) values.push(...(valuesOf(entry, f.attribute) ?? []));
      else for (const v of Object.values(entry.attributes)) values.push(...v);
      if (f.dnAttributes)
        for (const rdn of dn() ?? [])
          for (const ava of rdn)
            if (!f.attribute || typeKey(ava.type) === typeKey(f.attribute)) values.push(ava.value);
      return values.some(same);
    }
  }
}

/** Whether the entry matches: only TRUE returns an entry (RFC 4511 §4.5.1.7). */
export function matches(f: Filter, entry: LdapEntry): boolean {
  let parsed: Dn | null | undefined;
  const dn = () => {
    if (parsed === undefined) {
      try {
        parsed = parseDn(entry.dn);
      } catch {
        parsed = null;
      }
    }
    return parsed;
  };
  return evaluate(f, entry, dn) === true;
}

/** The value list of an attribute of the entry, for compare (RFC 4511 §4.10). */
export const attributeValues = valuesOf;
