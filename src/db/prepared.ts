import {
  type Compilable,
  createQueryId,
  DummyDriver,
  Kysely,
  type QueryResult,
  type RootOperationNode,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import type { Db } from './index.ts';
import type { Database } from './schema.ts';
import type { WriteNow } from './sqlite-dialect.ts';

/** Stands in for the i-th value of a prepared query; the real one is bound at each call. */
export type Slot = (i: number) => never;

interface Compiled {
  sql: string;
  query: RootOperationNode;
  /** For each parameter of the SQL, the index of the value it takes. */
  positions: number[];
}

/**
 * A hot query compiled once per shape. Kysely builds and compiles a query on
 * every call, which for a large statement costs several times what the
 * database spends running it (the limiter's reservation: ~40 µs against 7).
 * `build` writes the query once with `slot(i)` wherever value i goes; each
 * call binds its values to those places. `shape` names what changes the SQL
 * itself (how many keys a reservation has). Compiled per dialect, since
 * SQLite and PostgreSQL write parameters differently.
 */
export function prepared<S extends string | number, R>(
  build: (db: Db, slot: Slot, shape: S) => Compilable<R>,
): Prepared<S, R> {
  const byDialect = new WeakMap<object, Map<S, Compiled>>();
  const compile = (db: Db, shape: S): Compiled => {
    const slots = new Map<string, number>();
    const slot = ((i: number) => {
      const mark = `\u0000slot ${i}`;
      slots.set(mark, i);
      return mark;
    }) as Slot;
    const c = build(db, slot, shape).compile();
    const positions = c.parameters.map((p) => {
      const i = typeof p === 'string' ? slots.get(p) : undefined;
      if (i === undefined) throw new Error(`prepared query: a parameter is not a slot (${c.sql})`);
      return i;
    });
    return { sql: c.sql, query: c.query, positions };
  };
  const compiled = (db: Db, shape: S): Compiled => {
    const adapter = db.getExecutor().adapter;
    const shapes = byDialect.get(adapter) ?? new Map<S, Compiled>();
    byDialect.set(adapter, shapes);
    const c = shapes.get(shape) ?? compile(db, shape);
    shapes.set(shape, c);
    return c;
  };
  const run: Prepared<S, R> = async (db, shape, values) => {
    const c = compiled(db, shape);
    return db.executeQuery<R>({
      sql: c.sql,
      query: c.query,
      queryId: createQueryId(),
      parameters: c.positions.map((i) => values[i]),
    });
  };
  run.now = (w, shape, values) => {
    const c = compiled(sqliteCompiler, shape);
    return w.query(
      c.sql,
      c.positions.map((i) => values[i]),
    ) as R[];
  };
  return run;
}

export interface Prepared<S, R> {
  (db: Db, shape: S, values: readonly unknown[]): Promise<QueryResult<R>>;
  /** At once on SQLite's writing connection, inside a group commit (`runNow`): the rows. */
  now(w: WriteNow, shape: S, values: readonly unknown[]): R[];
}

/** Compiles SQLite's text of a prepared query for `now`, which has no Kysely instance at hand. */
const sqliteCompiler = new Kysely<Database>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});
