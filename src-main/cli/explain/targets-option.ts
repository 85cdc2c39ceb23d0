// --target K | auto | @map.tsv (sequence name → output index, tab-separated, one per line).
import { readFile } from 'node:fs/promises';
import { AppError } from '../../shared/errors';

export type TargetChoice = { kind: 'auto' } | { kind: 'index'; index: number } | { kind: 'map'; byName: Map<string, number>; file: string };

export async function parseTargetOption(value: string | undefined): Promise<TargetChoice> {
  if (value === undefined || value === 'auto') return { kind: 'auto' };
  if (value.startsWith('@')) return { kind: 'map', byName: await readTargetMap(value.slice(1)), file: value.slice(1) };
  const index = Number(value);
  if (!Number.isInteger(index) || index < 0) throw new AppError('USAGE', `--target must be an output index (0, 1, …), 'auto' or @FILE.tsv; got '${value}'`);
  return { kind: 'index', index };
}

async function readTargetMap(path: string): Promise<Map<string, number>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new AppError('FILE_NOT_FOUND', `${path}: target map not found`);
  }
  const map = new Map<string, number>();
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const [name, idx] = line.split('\t');
    const index = Number(idx);
    if (!name || idx === undefined || !Number.isInteger(index) || index < 0) {
      throw new AppError('BAD_CONFIG', `${path}:${i + 1}: expected 'sequence_name<TAB>output_index', got '${line.slice(0, 80)}'`);
    }
    map.set(name, index);
  });
  return map;
}

/** −1 asks the engine for the predicted output. */
export function targetFor(choice: TargetChoice, sequenceName: string): number {
  if (choice.kind === 'auto') return -1;
  if (choice.kind === 'index') return choice.index;
  const t = choice.byName.get(sequenceName);
  if (t === undefined) throw new AppError('BAD_TARGET', `${choice.file}: no target for sequence '${sequenceName}'`);
  return t;
}
