// `plrp scan`: FIMO-semantics motif scanning of a FASTA file, written as FIMO's TSV (1-based) or
// BED (0-based) by the output's extension, or TSV on stdout.
import type { Command } from 'commander';
import { AppError } from '../../shared/errors';
import { readFastaAll } from '../../engine/genomics/fasta';
import { resolveBackground } from '../../engine/motifs/background';
import { bundledJasparPath } from '../../engine/motifs/bundled';
import { readMotifFile } from '../../engine/motifs/read-motifs';
import { DEFAULT_P_VALUE_THRESHOLD, scanMotifs } from '../../engine/motifs/scan';
import { formatFimoTsv, writeFimoTsv } from '../../engine/export/fimo-tsv';
import { writeHitsBed } from '../../engine/export/bed';

interface ScanCliOptions {
  motifs?: string;
  fasta: string;
  background: string;
  pvalue: string;
  out?: string;
  norc?: boolean;
}

function parsePValue(text: string): number {
  const p = Number(text);
  if (!Number.isFinite(p) || p <= 0 || p > 1) throw new AppError('USAGE', `--pvalue must be a number in (0, 1], got '${text}'`);
  return p;
}

export async function runScan(opts: ScanCliOptions): Promise<void> {
  const threshold = parsePValue(opts.pvalue);
  const out = opts.out;
  if (out !== undefined && !/\.(tsv|bed)$/i.test(out)) throw new AppError('USAGE', `--out must end in .tsv (FIMO TSV) or .bed, got '${out}'`);
  const t0 = performance.now();
  const warnings: string[] = [];
  const motifPath = opts.motifs ?? bundledJasparPath();
  const motifs = await readMotifFile(motifPath, warnings);
  for (const w of warnings) process.stderr.write(`plrp: warning: ${w}\n`);
  const records = await readFastaAll(opts.fasta);
  const bg = await resolveBackground(opts.background, () => records.map((r) => r.sequence));
  const bothStrands = !opts.norc;
  const result = scanMotifs(motifs, records, { background: bg.probs, pValueThreshold: threshold, bothStrands });
  const seconds = (performance.now() - t0) / 1000;
  const totalBp = records.reduce((a, r) => a + r.sequence.length, 0);
  const bgText = result.background.map((p, i) => `${'ACGT'[i]}=${p.toFixed(4)}`).join(' ');
  const comments = [
    `plrp scan --motifs ${motifPath} --fasta ${opts.fasta} --background ${opts.background} --pvalue ${threshold}${bothStrands ? '' : ' --norc'}`,
    `background: ${bg.description}${bothStrands ? ' (averaged with its reverse complement)' : ''}: ${bgText}`,
    `${result.scannedWindows} windows scanned; q-values are Benjamini-Hochberg over all of them`,
  ];
  if (out === undefined) process.stdout.write(formatFimoTsv(result.hits, comments));
  else if (/\.bed$/i.test(out)) await writeHitsBed(out, result.hits, 'records');
  else await writeFimoTsv(out, result.hits, comments);
  process.stderr.write(
    `plrp scan: ${motifs.length} motifs × ${records.length} sequences (${totalBp} bp, ${bothStrands ? 'both strands' : 'given strand'}), ` +
      `background ${bg.description}: ${result.hits.length} hits with p ≤ ${threshold} in ${seconds.toFixed(2)} s\n`,
  );
}

export function register(program: Command): void {
  program
    .command('scan')
    .description('find motif occurrences with FIMO semantics (exact p-values, both strands, BH q-values)')
    .requiredOption('--fasta <file>', 'sequences to scan (FASTA, .gz/bgzip allowed)')
    .option('--motifs <file>', 'motif file: MEME, JASPAR, JASPAR PFM or TRANSFAC (default: bundled JASPAR 2024 vertebrates)')
    .option('--background <choice>', "'uniform', 'sequence' (the scanned sequences' composition) or a MEME background file", 'sequence')
    .option('--pvalue <p>', 'report hits with p-value at or below this (FIMO --thresh)', String(DEFAULT_P_VALUE_THRESHOLD))
    .option('--norc', 'scan the given strand only')
    .option('--out <file>', 'hits.tsv (FIMO columns, 1-based) or hits.bed (0-based); default: TSV on stdout')
    .action(async (opts: ScanCliOptions) => {
      await runScan(opts);
    });
}
