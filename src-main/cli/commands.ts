// The list of `plrp` subcommands. Each command module in ./commands exports `register(program)`;
// add one import + one array entry per command.
import type { Command } from 'commander';
import { register as registerExplain } from './commands/explain';
import { register as registerPredict } from './commands/predict';
import { register as registerInspect } from './commands/inspect';
import { register as registerScan } from './commands/scan';
import { register as registerReproduce } from './commands/reproduce';
import { register as registerRuns } from './commands/runs';
import { register as registerServe } from './commands/serve';
import { register as registerSynth } from './commands/synth';
import { register as registerReport } from './commands/report';

export type RegisterCommand = (program: Command) => void;

export const COMMANDS: RegisterCommand[] = [registerExplain, registerPredict, registerInspect, registerScan, registerReproduce, registerServe, registerRuns, registerSynth, registerReport];
