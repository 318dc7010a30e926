// Files the code reads at run time (styles, browser scripts, word lists), named
// by their path under src/. The build copies them to the same paths under dist/,
// and this module sits at the top of both: at src/assets.ts in a checkout, in a
// chunk at the top of dist/ once bundled (scripts/build.js keeps chunks there).
import { readFileSync } from 'node:fs';

/** The text of `file` (a path relative to src/, e.g. `http/static/app.css`). */
export function readAsset(file: string): string {
  return readFileSync(new URL(file, import.meta.url), 'utf8');
}
