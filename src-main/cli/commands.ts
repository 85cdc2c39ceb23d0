// The list of `plrp` subcommands. Each command module in ./commands exports `register(program)`;
// add one import + one array entry per command.
import type { Command } from 'commander';
import { register as registerScan } from './commands/scan';
import { register as registerReproduce } from './commands/reproduce';

export type RegisterCommand = (program: Command) => void;

export const COMMANDS: RegisterCommand[] = [registerScan, registerReproduce];
