// `plrp serve [files…] [--port N] [--no-open] [--host H]`: browser mode. The FIRST stdout line is the
// URL with the access token (scripts and tests read it); everything else goes to stderr.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { AppError } from '../../shared/errors';
import { startBrowserMode } from '../../server/start-browser-mode';
import { ensureUiBuilt } from '../ensure-ui-built';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Opens the system browser if there is one; silently does nothing otherwise. */
export function openInBrowser(url: string): void {
  const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    const child = spawn(cmd, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No opener: the URL on stdout is enough.
  }
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the studio UI in your browser (127.0.0.1, token-protected); files given here can be used in the page')
    .argument('[files...]', 'model, FASTA, BED or motif files to offer in the page')
    .option('--port <n>', 'port (default: a free one)', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 65535) throw new AppError('USAGE', `--port: ${v} is not a port number`);
      return n;
    })
    .option('--host <address>', 'bind address (default 127.0.0.1); a non-loopback one exposes the studio to your network, protected only by the token (warned at start)')
    .option('--no-open', 'do not open the system browser')
    .option('--renderer <dir>', 'built UI folder (built there first when missing; the build needs npm install\'s dev tools)', `${ROOT}out/renderer`)
    .action(async (files: string[], opts: { port?: number; host?: string; open: boolean; renderer: string }) => {
      const log = (m: string) => process.stderr.write(`plrp serve: ${m}\n`);
      await ensureUiBuilt(opts.renderer, log);
      const server = await startBrowserMode({
        port: opts.port,
        host: opts.host,
        // Typing --host is the explicit choice; startBrowserMode then warns on a non-loopback address.
        allowRemote: opts.host !== undefined,
        files,
        rendererDir: opts.renderer,
        resourcesDir: `${ROOT}resources`,
        log,
      });
      process.stdout.write(`${server.url}\n`);
      process.stderr.write('plrp serve: open the URL above; Ctrl+C stops the server\n');
      if (opts.open) openInBrowser(server.url);
      await new Promise<void>((resolve) => {
        const stop = () => void server.close().then(resolve);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
