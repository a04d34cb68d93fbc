#!/usr/bin/env node
// The `redline` command. The server is TypeScript run through tsx's loader, so the same
// sources serve, test and run the command line without a separate build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../server/cli/main.ts');
const code = await main(process.argv.slice(2));
// `serve` keeps the process alive through its open server; everything else ends here.
process.exitCode = code;
