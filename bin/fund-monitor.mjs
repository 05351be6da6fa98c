#!/usr/bin/env node
// Entry for `npx fund-monitor`: Node 20 cannot run TypeScript itself, so tsx's loader is registered first.
import { register } from 'tsx/esm/api';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.env.FUND_MONITOR_ROOT ??= root;
// The project's tsconfig (its @/ paths), wherever the command is run from: tsx would look in the working directory.
register({ tsconfig: path.join(root, 'tsconfig.json') });
await import('../lib/cli/main.ts');
