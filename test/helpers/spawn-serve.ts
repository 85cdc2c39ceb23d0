// `plrp serve` as a real child process, for tests of what a user runs: resolves with the URL it
// prints on its first stdout line (stderr gathered for the messages), and stops it with SIGTERM.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ServeChild {
  url: string;
  /** Everything written to stderr so far. */
  stderr: () => string;
  stop: () => Promise<void>;
}

export async function spawnServe(args: string[], options: { cwd: string; cachePath: string }): Promise<ServeChild> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/plrp.mjs'), 'serve', ...args], { cwd: options.cwd, env: { ...process.env, PLRP_CACHE_DB: options.cachePath } });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  try {
    const url = await new Promise<string>((res, rej) => {
      child.stdout.on('data', (c: Buffer) => {
        stdout += c.toString();
        if (stdout.includes('\n')) res(stdout.split('\n')[0]);
      });
      child.once('exit', (code) => rej(new Error(`plrp serve exited (${code}): ${stderr}`)));
    });
    return { url, stderr: () => stderr, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
