import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from './cli.ts';

// A module resolution hook (it runs on the loader's own thread) writes each URL a
// module import resolves to: what the command really loaded, not what a reading of
// its source suggests. `require` calls inside CommonJS packages are not seen; their
// package's entry is.
const hooks = `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  appendFileSync(process.env.PORTCULLIS_TRACE_MODULES, r.url + '\\n');
  return r;
}`;
const register = `import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hooks)}));`;

export interface LoadedModules {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Project files, relative to the package root: sources (`src/cli/main.ts`) and `bin/`. */
  own: string[];
  /** npm packages with at least one module loaded. */
  packages: Set<string>;
}

/** Runs the real `portcullis` command and reports which modules it loaded. */
export async function loadedModules(
  args: string[],
  env: Record<string, string>,
): Promise<LoadedModules> {
  const dir = mkdtempSync(path.join(tmpdir(), 'portcullis-modules-'));
  const trace = path.join(dir, 'modules');
  try {
    const { code, stdout, stderr } = await runCli(
      args,
      { ...env, PORTCULLIS_TRACE_MODULES: trace },
      undefined,
      { nodeArgs: ['--import', `data:text/javascript,${encodeURIComponent(register)}`] },
    );
    const root = new URL('../../', import.meta.url).href;
    // dist/ is bundled: a loaded chunk stands for the sources esbuild put in it
    // (its metafile, dist/meta.json), libraries bundled with them included.
    const meta = JSON.parse(readFileSync(new URL('dist/meta.json', root), 'utf8')) as {
      outputs: Record<string, { inputs: Record<string, unknown> }>;
    };
    const own = new Set<string>();
    const packages = new Set<string>();
    const note = (file: string) => {
      const pkg = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
      if (pkg) packages.add(pkg[1]!);
      else own.add(file);
    };
    for (const url of new Set(readFileSync(trace, 'utf8').trim().split('\n'))) {
      if (!url.startsWith(root)) continue;
      const file = url.slice(root.length);
      const chunk = meta.outputs[file];
      if (chunk) for (const input of Object.keys(chunk.inputs)) note(input);
      else note(file);
    }
    return { code, stdout, stderr, own: [...own], packages };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
