#!/usr/bin/env node
// The `portcullis` command: the built code in dist/ (`npm run build`; `npm install`
// in a checkout builds it). Stack traces name the TypeScript lines through the
// source maps the build writes beside each chunk.
import module from 'node:module';

process.setSourceMapsEnabled(true);
// Node 22.1+: compiled code is cached on disk between runs (a quicker command line).
module.enableCompileCache?.();
await import('../dist/cli.js');
