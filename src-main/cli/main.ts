// Entry of the `plrp` command: parses argv with commander, maps errors to exit codes
// (0 ok, 2 bad input or usage, 1 internal error, 130 cancelled) — a contract scripts rely on.
import { Command, CommanderError } from 'commander';
import { isAppError } from '../shared/errors';
import { COMMANDS } from './commands';
import { EXIT_BAD_INPUT, EXIT_CANCELLED, EXIT_INTERNAL, EXIT_OK } from './exit-codes';

export async function main(argv: string[]): Promise<number> {
  const program = new Command('plrp')
    .description('PLRP Studio command line: explain genome CNNs (ONNX) with LRP and Pruned LRP')
    .exitOverride()
    // Commander's usage errors ("error: required option …") read as ours: one `plrp: …` line,
    // as every other error of the command (subcommands inherit this when they are added).
    .configureOutput({ writeErr: (s) => process.stderr.write(s), outputError: (s, write) => write(usageLine(s)) });
  for (const register of COMMANDS) register(program);
  nameCommandInUsageErrors(program);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT_OK;
  } catch (e) {
    return exitCodeFor(e);
  }
}

/**
 * A commander error message as one `plrp …:` line ("(Did you mean explain?)" comes on a line of its
 * own). `command` names the subcommand it came from ("runs export"): "missing required argument
 * 'id'" alone does not say whose.
 */
export function usageLine(commanderMessage: string, command = ''): string {
  return `plrp${command ? ` ${command}` : ''}: ${commanderMessage.replace(/^error: /, '').trim().split(/\s*\n\s*/).join(' ')}\n`;
}

/** Gives every subcommand an error output that names it (each gets its own output settings: commander copies, not shares, on configureOutput). */
function nameCommandInUsageErrors(command: Command, path = ''): void {
  if (path) command.configureOutput({ outputError: (s, write) => write(usageLine(s, path)) });
  for (const sub of command.commands) nameCommandInUsageErrors(sub, path ? `${path} ${sub.name()}` : sub.name());
}

function exitCodeFor(e: unknown): number {
  if (e instanceof CommanderError) {
    // --help and --version end through here with exit code 0.
    return e.exitCode === 0 ? EXIT_OK : EXIT_BAD_INPUT;
  }
  if (isAppError(e)) {
    if (e.code === 'CANCELLED') {
      process.stderr.write(`plrp: ${e.message}\n`);
      return EXIT_CANCELLED;
    }
    process.stderr.write(`plrp: ${e.message}\n`);
    return e.code === 'INTERNAL' || e.code === 'WORKER_DIED' ? EXIT_INTERNAL : EXIT_BAD_INPUT;
  }
  process.stderr.write(`plrp: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  return EXIT_INTERNAL;
}
