import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = new URL('../../', import.meta.url).pathname;

/** The release before this one: the commit its upgrade fixture was made with. */
export const PREVIOUS_RELEASE = {
  version: '0.1.0',
  commit: '70fb33e55323859a5c951f36c6377e68749c0e59',
};

/**
 * A past release's code, from this repository's history, run the way it ran then
 * (through tsx, on today's node_modules): its `portcullis` command. Extracted once
 * per machine into the temporary directory and reused. A library the current code
 * no longer uses but a past release does stays a devDependency for this (ldapjs,
 * which 0.1.0's LDAP front is built on).
 */
export function oldRelease(commit = PREVIOUS_RELEASE.commit): { bin: string } {
  // Per checkout too: the extraction uses this checkout's node_modules.
  const checkout = createHash('sha256').update(root).digest('hex').slice(0, 8);
  const dir = path.join(tmpdir(), `portcullis-release-${commit.slice(0, 12)}-${checkout}`);
  if (!existsSync(path.join(dir, 'bin', 'portcullis.js'))) {
    const staging = mkdtempSync(`${dir}-`);
    const archive = execFileSync('git', ['-C', root, 'archive', '--format=tar', commit], {
      maxBuffer: 64 * 1024 * 1024,
    });
    execFileSync('tar', ['-x', '-C', staging], { input: archive });
    symlinkSync(path.join(root, 'node_modules'), path.join(staging, 'node_modules'));
    mkdirSync(path.dirname(dir), { recursive: true });
    try {
      renameSync(staging, dir);
    } catch {
      // Another test file extracted it first.
      rmSync(staging, { recursive: true, force: true });
    }
  }
  return { bin: path.join(dir, 'bin', 'portcullis.js') };
}
