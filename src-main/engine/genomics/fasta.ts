// Streaming FASTA reader: plain, gzip or bgzip files, one record at a time, so memory is bounded by
// the longest record rather than the file. Format errors are AppError('BAD_FASTA') naming the file,
// record, line and column (see ./fasta-parser).
import { readByteChunks } from './byte-source';
import { FastaParser, type FastaRecord } from './fasta-parser';

export type { FastaRecord } from './fasta-parser';

export async function* readFasta(path: string): AsyncGenerator<FastaRecord> {
  const parser = new FastaParser(path);
  for await (const chunk of readByteChunks(path, 'BAD_FASTA')) {
    yield* parser.push(chunk);
  }
  yield* parser.end();
}

/** Reads every record into memory; for small files (tests, model fixtures, the UI's pasted input). */
export async function readFastaAll(path: string): Promise<FastaRecord[]> {
  const out: FastaRecord[] = [];
  for await (const rec of readFasta(path)) out.push(rec);
  return out;
}
