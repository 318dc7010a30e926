// The running Portcullis's version, from package.json (one level up from both
// src/version.ts and the chunk of dist/ that holds it once bundled).
import { readFileSync } from 'node:fs';

export const version: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;
