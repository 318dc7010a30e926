#!/usr/bin/env node
// The `portcullis` command. Sources are TypeScript run through tsx's loader,
// so a checkout needs no build step (`npx portcullis …` works after npm install).
// The project's tsconfig is named: tsx would otherwise look for one in the
// working directory, and a service started elsewhere would compile the pages'
// JSX for React.
import { register } from 'tsx/esm/api';

register({ tsconfig: new URL('../tsconfig.json', import.meta.url).pathname });
await import('../src/cli/main.ts');
