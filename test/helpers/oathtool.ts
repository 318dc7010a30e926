import { execFileSync, spawnSync } from 'node:child_process';

export const hasOathtool = spawnSync('oathtool', ['--version']).status === 0;

/** A TOTP code computed by Debian's oathtool (not our code) for time `at` (ms). */
export function oathtoolCode(secretBase32: string, at: number): string {
  const now = new Date(at)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC');
  return execFileSync('oathtool', ['--totp', '-b', '--now', now, secretBase32], {
    encoding: 'utf8',
  }).trim();
}
