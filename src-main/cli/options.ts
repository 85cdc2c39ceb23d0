// Parsing of shared command-line option values, with usage errors that name the option.
import { AppError } from '../shared/errors';
import type { Layout } from '../engine/explain/types';

export function parsePositiveInt(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new AppError('USAGE', `--${name} must be a positive integer, got '${value}'`);
  return n;
}

export function parseLayout(value: string | undefined): Layout | undefined {
  if (value === undefined || value === 'auto') return undefined;
  if (value === 'NCL' || value === 'NLC') return value;
  throw new AppError('USAGE', `--layout must be auto, NCL or NLC, got '${value}'`);
}
