#!/usr/bin/env node
// Entry for `npx fund-monitor`: Node 20 cannot run TypeScript itself, so tsx's loader is registered first.
import { register } from 'tsx/esm/api';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

process.env.FUND_MONITOR_ROOT ??= path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
register();
await import('../lib/cli/main.ts');
