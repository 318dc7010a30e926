#!/usr/bin/env node
// The `portcullis` command: the compiled code in dist/ (`npm run build`; `npm install`
// in a checkout builds it). Stack traces name the TypeScript lines through the
// source maps tsc writes beside each file.
process.setSourceMapsEnabled(true);
await import('../dist/cli/main.js');
