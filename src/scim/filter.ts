// A SCIM filter (RFC 7644 §3.4.2.2), parsed by scim2-parse-filter, turned into
// a SQL condition: the database finds the matches (an index where there is
// one), however many resources there are.
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { type Filter, parse } from 'scim2-parse-filter';
import { ScimError } from './errors.ts';
import { type ResolvedPath, requirePath } from './paths.ts';

/** What an attribute is in SQL, as a resource's mapping says. */
export type Operand =
  /** Text; `lowered`: the column holds it in lower case already. */
  | { kind: 'text'; sql: RawBuilder<unknown>; caseExact: boolean; lowered?: boolean }
  /** 0 or 1. */
  | { kind: 'bool'; sql: RawBuilder<unknown> }
  /** Milliseconds since the epoch. */
  | { kind: 'time'; sql: RawBuilder<unknown> }
  /** A fixed value, there when `present` holds (e.g. emails.type is always "work"). */
  | { kind: 'const'; value: string | boolean; present: RawBuilder<SqlBool> }
  /** Membership: `eq` an id, or `pr`. */
  | { kind: 'member'; eq: (id: string) => RawBuilder<SqlBool>; any: RawBuilder<SqlBool> };

export interface FilterTarget {
  schemas: readonly string[];
  dialect: 'sqlite' | 'postgres';
  /** null: the attribute cannot be filtered on. */
  operand(path: ResolvedPath): Operand | null;
}

const invalid = (detail: string) => new ScimError(400, 'invalidFilter', detail);

/** Parses a filter; a syntax error is a 400 invalidFilter. */
export function parseFilter(text: string): Filter {
  if (text.length > 4000) throw invalid('The filter is too long (4,000 characters at most).');
  try {
    return parse(text);
  } catch (e) {
    throw invalid(`The filter cannot be read: ${(e as Error).message.slice(0, 200)}`);
  }
}

const TRUE = sql<SqlBool>`1 = 1`;
const FALSE = sql<SqlBool>`1 = 0`;

export function compileFilter(
  f: Filter,
  target: FilterTarget,
  parent?: string,
): RawBuilder<SqlBool> {
  switch (f.op) {
    case 'and':
    case 'or': {
      const parts = f.filters.map((x) => compileFilter(x, target, parent));
      return sql<SqlBool>`(${sql.join(parts, sql.raw(` ${f.op} `))})`;
    }
    case 'not':
      return sql<SqlBool>`not (${compileFilter(f.filter, target, parent)})`;
    case '[]':
      if (parent) throw invalid('A value filter cannot hold another.');
      return compileFilter(f.valFilter, target, f.attrPath);
    default: {
      const path = parent ? `${parent}.${f.attrPath}` : f.attrPath;
      const resolved = requirePath(path, target.schemas, 'invalidFilter');
      const operand = target.operand(resolved);
      if (!operand) throw invalid(`Filtering on "${path}" is not supported.`);
      if (f.op === 'pr') return present(operand);
      return compare(operand, f.op, f.compValue, path, target.dialect);
    }
  }
}

function present(o: Operand): RawBuilder<SqlBool> {
  switch (o.kind) {
    case 'text':
      return sql<SqlBool>`(${o.sql} is not null and ${o.sql} <> '')`;
    case 'bool':
    case 'time':
      return sql<SqlBool>`${o.sql} is not null`;
    case 'const':
      return o.present;
    case 'member':
      return o.any;
  }
}

type CompareOp = 'eq' | 'ne' | 'co' | 'sw' | 'ew' | 'gt' | 'lt' | 'ge' | 'le';
const ORDER: Record<string, string> = { gt: '>', lt: '<', ge: '>=', le: '<=' };

function compare(
  o: Operand,
  op: CompareOp,
  value: boolean | null | number | string,
  path: string,
  dialect: FilterTarget['dialect'],
): RawBuilder<SqlBool> {
  // "attr eq null" is "attr is absent" (RFC 7644 §3.4.2.2: null is no value).
  if (value === null) {
    if (op === 'eq') return sql<SqlBool>`not (${present(o)})`;
    if (op === 'ne') return present(o);
    throw invalid(`"${path} ${op} null" compares nothing.`);
  }
  switch (o.kind) {
    case 'bool': {
      const b = asBoolean(value);
      if (b === null || (op !== 'eq' && op !== 'ne'))
        throw invalid(`"${path}" is true or false: compare it with eq or ne and true or false.`);
      return op === 'eq'
        ? sql<SqlBool>`${o.sql} = ${b ? 1 : 0}`
        : sql<SqlBool>`(${o.sql} is null or ${o.sql} <> ${b ? 1 : 0})`;
    }
    case 'time': {
      const t = typeof value === 'string' ? Date.parse(value) : Number.NaN;
      if (Number.isNaN(t))
        throw invalid(`"${path}" is a date and time, e.g. "2026-01-31T08:00:00Z".`);
      if (op === 'eq') return sql<SqlBool>`${o.sql} = ${t}`;
      if (op === 'ne') return sql<SqlBool>`${o.sql} <> ${t}`;
      if (ORDER[op]) return sql<SqlBool>`${o.sql} ${sql.raw(ORDER[op]!)} ${t}`;
      throw invalid(`"${path}" is a date: compare it with eq, ne, gt, ge, lt or le.`);
    }
    case 'member':
      if (op !== 'eq' || typeof value !== 'string')
        throw invalid(`"${path}" can be compared with eq only.`);
      return o.eq(value);
    case 'const':
      return sql<SqlBool>`(${o.present} and ${constMatches(o.value, op, value) ? TRUE : FALSE})`;
    case 'text': {
      if (typeof value === 'boolean') throw invalid(`"${path}" is text: compare it with a string.`);
      const v = o.caseExact ? String(value) : String(value).toLowerCase();
      const col = o.caseExact || o.lowered ? o.sql : sql`lower(${o.sql})`;
      if (op === 'ne') return sql<SqlBool>`(${o.sql} is null or ${col} <> ${v})`;
      const test =
        op === 'eq'
          ? sql<SqlBool>`${col} = ${v}`
          : op === 'co' || op === 'sw' || op === 'ew'
            ? o.caseExact
              ? exactMatch(col, op, v, dialect)
              : like(col, op, v)
            : sql<SqlBool>`${col} ${sql.raw(ORDER[op]!)} ${v}`;
      // Never NULL: "not (emails co …)" must hold for a user without an email.
      return sql<SqlBool>`(${o.sql} is not null and ${test})`;
    }
  }
}

function asBoolean(v: unknown): boolean | null {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string' && /^(true|false)$/i.test(v)) return v.toLowerCase() === 'true';
  return null;
}

function constMatches(
  have: string | boolean,
  op: CompareOp,
  want: number | string | boolean,
): boolean {
  if (typeof have === 'boolean') {
    const b = asBoolean(want);
    if (b === null || (op !== 'eq' && op !== 'ne')) return false;
    return op === 'eq' ? have === b : have !== b;
  }
  const h = have.toLowerCase();
  const w = String(want).toLowerCase();
  switch (op) {
    case 'eq':
      return h === w;
    case 'ne':
      return h !== w;
    case 'co':
      return h.includes(w);
    case 'sw':
      return h.startsWith(w);
    case 'ew':
      return h.endsWith(w);
    case 'gt':
      return h > w;
    case 'ge':
      return h >= w;
    case 'lt':
      return h < w;
    case 'le':
      return h <= w;
  }
}

/** Case-insensitive substring tests on lower-cased text (LIKE, its wildcards escaped). */
function like(col: RawBuilder<unknown>, op: 'co' | 'sw' | 'ew', v: string): RawBuilder<SqlBool> {
  const e = v.replace(/[\\%_]/g, '\\$&');
  const pattern = op === 'co' ? `%${e}%` : op === 'sw' ? `${e}%` : `%${e}`;
  return sql<SqlBool>`${col} like ${pattern} escape '\\'`;
}

/** Case-exact substring tests (SQLite's LIKE ignores case, so no LIKE here). */
function exactMatch(
  col: RawBuilder<unknown>,
  op: 'co' | 'sw' | 'ew',
  v: string,
  dialect: FilterTarget['dialect'],
): RawBuilder<SqlBool> {
  if (op === 'co')
    return dialect === 'sqlite'
      ? sql<SqlBool>`instr(${col}, ${v}) > 0`
      : sql<SqlBool>`strpos(${col}, ${v}) > 0`;
  if (op === 'sw') return sql<SqlBool>`substr(${col}, 1, ${v.length}) = ${v}`;
  return dialect === 'sqlite'
    ? sql<SqlBool>`substr(${col}, ${-v.length}) = ${v}`
    : sql<SqlBool>`right(${col}, ${v.length}) = ${v}`;
}

/** A JSON text column's value at a path, as text (SQLite json_extract, PostgreSQL #>>). */
export function jsonText(
  column: RawBuilder<unknown>,
  keys: readonly string[],
  dialect: FilterTarget['dialect'],
): RawBuilder<unknown> {
  if (dialect === 'sqlite')
    return sql`json_extract(${column}, ${`$${keys.map((k) => `."${k.replace(/"/g, '')}"`).join('')}`})`;
  return sql`(${column}::jsonb #>> ${`{${keys.map((k) => `"${k.replace(/"/g, '')}"`).join(',')}}`}::text[])`;
}
