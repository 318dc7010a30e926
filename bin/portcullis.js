#!/usr/bin/env node
// The `portcullis` command. Sources are TypeScript run through tsx's loader,
// so a checkout needs no build step (`npx portcullis …` works after npm install).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
