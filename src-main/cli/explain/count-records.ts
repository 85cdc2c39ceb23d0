// Counting FASTA records up front gives the progress bar a total; the streaming parser is fast
// enough (hundreds of MB/s) that this costs little next to the explanations.
import { readFasta } from '../../engine/genomics/fasta';

export async function countFastaRecords(path: string): Promise<number> {
  let n = 0;
  for await (const _ of readFasta(path)) n++;
  return n;
}
