// The running Portcullis's version, from package.json (two levels up from both
// src/ and the compiled dist/).
import { readFileSync } from 'node:fs';

export const version: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;
