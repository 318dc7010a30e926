import type { Command } from 'commander';
import { print, withLocalContext } from '../run.ts';

/**
 * `portcullis migrate [--check]`: brings the configured database's schema up to
 * this version (the server does it too when it starts), or only says where it
 * stands. `--check` exits 1 when migrations are pending, so a deployment script
 * can tell before it starts a node.
 */
export function migrateCommands(program: Command): void {
  program
    .command('migrate')
    .description("Bring the database's schema up to this version of Portcullis")
    .option('--check', 'only report: exit 1 when migrations are pending, change nothing')
    .option('--json', 'print JSON')
    .action(async (o: { check?: boolean; json?: boolean }) => {
      const [{ assertNotNewer, migrate, schemaStatus }, { version }] = await Promise.all([
        import('../../db/migrate.ts'),
        import('../../version.ts'),
      ]);
      const result = await withLocalContext(
        async (ctx) => {
          const status = await schemaStatus(ctx.db, ctx.dialect);
          assertNotNewer(status);
          const applied = o.check ? [] : await migrate(ctx.db, ctx.dialect, ctx.clock);
          return { status, applied };
        },
        { migrate: false },
      );
      const { status, applied } = result;
      const pending = o.check ? status.pending : [];
      print(
        !!o.json,
        {
          version,
          schema: applied.at(-1) ?? status.applied.at(-1) ?? null,
          latest: status.latest,
          applied,
          pending,
          lastRelease: applied.length ? { version, migratedAt: Date.now() } : status.lastRelease,
        },
        () => {
          if (applied.length) return `Applied ${applied.length}: ${applied.join(', ')}.`;
          if (pending.length)
            return `${pending.length} to apply (run portcullis migrate): ${pending.join(', ')}.`;
          const by = status.lastRelease
            ? `; last migrated by Portcullis ${status.lastRelease.version} at ${new Date(status.lastRelease.migratedAt).toISOString()}`
            : '';
          return `The schema is up to date (${status.latest})${by}.`;
        },
      );
      if (pending.length) process.exitCode = 1;
    });
}
