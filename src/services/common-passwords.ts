// The list of common and breached passwords shipped with the project
// (common-passwords.txt beside this file, read through src/assets.ts, whose header gives its source and
// licence), read once on first use.
import { readAsset } from '../assets.ts';

let list: ReadonlySet<string> | undefined;

function load(): ReadonlySet<string> {
  const lines = readAsset('services/common-passwords.txt').split('\n');
  const start = lines.findIndex((l) => !l.startsWith('#'));
  return new Set(
    lines
      .slice(start)
      .map((l) => l.trimEnd().toLowerCase())
      .filter((l) => l !== ''),
  );
}

/** The list itself (lower case); loaded on the first call. */
export const commonPasswords = (): ReadonlySet<string> => {
  list ??= load();
  return list;
};

/**
 * Whether `p` is on the list, ignoring case: "Password1" is as guessable as
 * "password1" (NIST SP 800-63B §5.1.1.2 asks for a check against such lists).
 */
export const isCommonPassword = (p: string): boolean => commonPasswords().has(p.toLowerCase());
