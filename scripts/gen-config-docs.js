// Generates docs/configuration.md from src/config/schema.ts (the one source of
// truth); `--check` fails when the committed page is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { register } from 'tsx/esm/api';

register();
const { configSchema } = await import('../src/config/schema.ts');
const target = new URL('../docs/configuration.md', import.meta.url);

const rows = Object.values(configSchema).map((e) => {
  const def = e.derivedDefault ?? (e.default === undefined ? '—' : `\`${e.default}\``);
  return `| \`${e.env}\` | ${def} | ${e.description} |`;
});
const page = `# Configuration

Portcullis reads its configuration from environment variables. This page is
generated from \`src/config/schema.ts\` by \`npm run docs:config\`; do not edit it by hand.

| variable | default | meaning |
|---|---|---|
${rows.join('\n')}
`;

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {}
  if (current !== page) {
    console.error('docs/configuration.md is out of date: run `npm run docs:config`.');
    process.exit(1);
  }
} else {
  writeFileSync(target, page);
}
