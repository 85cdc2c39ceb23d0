#!/usr/bin/env node
// The `plrp` command. Runs the TypeScript sources through tsx so that `npx plrp` works right after
// `npm install`, with no build step; worker threads register the same loader (see engine/pool).
import { register } from 'tsx/esm/api';

register();
// `plrp runs list | head`: the reader went away, which is no error of ours (as with cat or grep).
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
const { main } = await import('../src-main/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
