// A seeded random FASTA written to a temporary folder: many sequences, so a run lasts long enough to
// be cancelled by a user (and the test) mid-way.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function randomFasta(count: number, lengthBp: number, seed = 7): string {
  let s = seed >>> 0;
  const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) >>> 30) & 3;
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    lines.push(`>rand_${i}`);
    lines.push(Array.from({ length: lengthBp }, () => 'ACGT'[next()]).join(''));
  }
  const path = join(mkdtempSync(join(tmpdir(), 'plrp-e2e-fa-')), `random-${count}x${lengthBp}.fa`);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

/**
 * A small seeded "genome": one record per chromosome, in lines of 60 bases (an index needs lines of
 * equal length), for region runs. Named genome.fa in a folder of its own.
 */
export function genomeFasta(chromosomes: Record<string, number>, seed = 11): string {
  let s = seed >>> 0;
  const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) >>> 30) & 3;
  const lines: string[] = [];
  for (const [name, lengthBp] of Object.entries(chromosomes)) {
    lines.push(`>${name}`);
    const bases = Array.from({ length: lengthBp }, () => 'ACGT'[next()]).join('');
    for (let i = 0; i < lengthBp; i += 60) lines.push(bases.slice(i, i + 60));
  }
  const path = join(mkdtempSync(join(tmpdir(), 'plrp-e2e-genome-')), 'genome.fa');
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}
