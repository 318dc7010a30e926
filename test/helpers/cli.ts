import { spawn } from 'node:child_process';

const bin = new URL('../../bin/portcullis.js', import.meta.url).pathname;

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real `portcullis` command with the given environment (`opts.bin`:
 * another release's command, from test/helpers/old-release.ts; `opts.nodeArgs`:
 * options for node itself, before the command).
 */
export function runCli(
  args: string[],
  env: Record<string, string>,
  stdin?: string,
  opts: { bin?: string; nodeArgs?: string[] } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), opts.bin ?? bin, ...args], {
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}
