// BED reader for ground-truth annotations and region lists (UCSC BED, 0-based half-open,
// https://genome.ucsc.edu/FAQ/FAQformat.html#format1). `track`, `browser` and `#` lines are skipped;
// columns may be tab- or space-separated. Negative or reversed intervals are AppError('BAD_BED')
// naming the file and line, because silently swapping them would shift every downstream number.
import { AppError } from '../../shared/errors';
import { readByteChunks } from './byte-source';

export interface BedInterval {
  chrom: string;
  start: number;
  end: number;
  name?: string;
  score?: number;
  strand?: '+' | '-' | '.';
  /** 1-based line number in the file. */
  line: number;
}

export function parseBed(text: string, fileName: string): BedInterval[] {
  const out: BedInterval[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    const where = `${fileName}:${i + 1}`;
    if (line.trim() === '' || line.startsWith('#') || /^(track|browser)(\s|$)/.test(line)) return;
    const cols = line.includes('\t') ? line.split('\t') : line.trim().split(/\s+/);
    if (cols.length < 3) throw new AppError('BAD_BED', `${where}: expected at least 3 columns (chrom, start, end), found ${cols.length}`);
    const [chrom, s, e] = cols;
    if (!/^-?\d+$/.test(s.trim()) || !/^-?\d+$/.test(e.trim())) throw new AppError('BAD_BED', `${where}: start and end must be integers, got '${s}' and '${e}'`);
    const start = Number(s);
    const end = Number(e);
    if (start < 0 || end < 0) throw new AppError('BAD_BED', `${where}: negative coordinate (${start}, ${end}); BED coordinates are 0-based and non-negative`);
    if (end < start) throw new AppError('BAD_BED', `${where}: reversed interval (end ${end} < start ${start})`);
    const interval: BedInterval = { chrom, start, end, line: i + 1 };
    if (cols[3] !== undefined && cols[3] !== '') interval.name = cols[3];
    if (cols[4] !== undefined && cols[4] !== '' && Number.isFinite(Number(cols[4]))) interval.score = Number(cols[4]);
    if (cols[5] === '+' || cols[5] === '-' || cols[5] === '.') interval.strand = cols[5];
    out.push(interval);
  });
  return out;
}

export async function readBed(path: string): Promise<BedInterval[]> {
  const chunks: Buffer[] = [];
  for await (const c of readByteChunks(path, 'BAD_BED')) chunks.push(c);
  const buf = Buffer.concat(chunks);
  if (buf.subarray(0, 8192).includes(0)) throw new AppError('BAD_BED', `${path}: is a binary file, not BED text`);
  return parseBed(buf.toString('utf8'), path);
}
