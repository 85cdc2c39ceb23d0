// FASTA index (.fai, the samtools faidx format: name, length, offset, line bases, line bytes;
// https://www.htslib.org/doc/faidx.html) for random access to regions of large uncompressed FASTA
// files. Built when missing, with samtools' rule that every line of a record but the last has the
// same length — otherwise byte offsets cannot be computed.
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { AppError } from '../../shared/errors';
import { writeFileAtomic } from '../export/atomic-write';

export interface FaiEntry {
  name: string;
  lengthBp: number;
  /** Byte offset of the first base. */
  offset: number;
  lineBases: number;
  lineBytes: number;
}

export function parseFai(text: string, fileName: string): FaiEntry[] {
  return text.split('\n').filter((l) => l.trim() !== '').map((line, i) => {
    const cols = line.replace(/\r$/, '').split('\t');
    const nums = cols.slice(1, 5).map(Number);
    if (cols.length < 5 || nums.some((n) => !Number.isInteger(n) || n < 0)) {
      throw new AppError('BAD_FASTA', `${fileName}:${i + 1}: not a valid .fai line (expected name, length, offset, line bases, line bytes)`);
    }
    return { name: cols[0], lengthBp: nums[0], offset: nums[1], lineBases: nums[2], lineBytes: nums[3] };
  });
}

export function formatFai(entries: readonly FaiEntry[]): string {
  return entries.map((e) => `${e.name}\t${e.lengthBp}\t${e.offset}\t${e.lineBases}\t${e.lineBytes}\n`).join('');
}

interface Building {
  entry: FaiEntry;
  /** Lengths (bases, bytes) of the lines seen; only the first and the latest are needed. */
  lines: number;
  lastBases: number;
  /** A blank line was seen; any later sequence line would break the offset arithmetic. */
  blank: boolean;
}

/** Scans an uncompressed FASTA once and returns its index (does not write it). */
export async function buildFai(fastaPath: string): Promise<FaiEntry[]> {
  const handle = await open(fastaPath, 'r').catch(() => {
    throw new AppError('FILE_NOT_FOUND', `${fastaPath}: no such file`);
  });
  const head = Buffer.alloc(2);
  await handle.read(head, 0, 2, 0).finally(() => handle.close());
  if (head[0] === 0x1f && head[1] === 0x8b) {
    throw new AppError('BAD_FASTA', `${fastaPath}: region access needs an uncompressed FASTA (decompress it, e.g. with 'bgzip -d')`);
  }
  const entries: FaiEntry[] = [];
  let cur: Building | null = null;
  let pos = 0; // byte offset of the current chunk
  let lineNo = 1;
  let header: Buffer[] | null = null;
  let lineLen = 0; // bytes of the current (sequence) line so far
  let lastByteCR = false;
  const endLine = (lineEnd: number, hasNewline: boolean): void => {
    if (header !== null) {
      const text = Buffer.concat(header).toString('utf8').slice(1).trim();
      const name = text.split(/\s+/)[0] ?? '';
      cur = { entry: { name, lengthBp: 0, offset: lineEnd + (hasNewline ? 1 : 0), lineBases: 0, lineBytes: 0 }, lines: 0, lastBases: 0, blank: false };
      entries.push(cur.entry);
      header = null;
    } else if (cur !== null && lineLen - (lastByteCR ? 1 : 0) === 0) {
      (cur as Building).blank = true;
    } else if (cur !== null) {
      const bases = lineLen - (lastByteCR ? 1 : 0);
      const bytes = lineLen + (hasNewline ? 1 : 0);
      const c: Building = cur;
      if (c.blank) {
        throw new AppError('BAD_FASTA', `${fastaPath}: cannot index record '${c.entry.name}': blank line before line ${lineNo} inside the record (samtools faidx has the same rule)`);
      }
      if (c.lines === 0) {
        c.entry.lineBases = bases;
        c.entry.lineBytes = bytes;
      } else if (c.lastBases !== c.entry.lineBases || bases > c.entry.lineBases) {
        throw new AppError('BAD_FASTA', `${fastaPath}: cannot index record '${c.entry.name}': line ${lineNo} has a different length from the lines before it (samtools faidx requires equal line lengths)`);
      }
      c.lines++;
      c.lastBases = bases;
      c.entry.lengthBp += bases;
    }
    lineLen = 0;
    lastByteCR = false;
    lineNo++;
  };
  for await (const chunk of createReadStream(fastaPath, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let i = 0;
    while (i < chunk.length) {
      if (lineLen === 0 && header === null && chunk[i] === 0x3e) header = [];
      const nl = chunk.indexOf(0x0a, i);
      const end = nl === -1 ? chunk.length : nl;
      if (header !== null) header.push(chunk.subarray(i, end));
      else if (end > i) {
        lineLen += end - i;
        lastByteCR = chunk[end - 1] === 0x0d;
      }
      if (nl === -1) break;
      endLine(pos + nl, true);
      i = nl + 1;
    }
    pos += chunk.length;
  }
  if (header !== null || lineLen > 0) endLine(pos, false);
  const empty = entries.find((e) => e.lengthBp === 0);
  if (empty) throw new AppError('BAD_FASTA', `${fastaPath}: record '${empty.name}' has no sequence`);
  return entries;
}

/**
 * Why an existing index no longer describes its FASTA, or null when it still does. As htslib does,
 * a FASTA newer than its .fai is stale; and as a cheap check that catches a copied-over file with
 * an old time stamp, the last record's bases must end where the file ends (only line ends and
 * blank lines may follow them).
 */
export async function staleFaiReason(fastaPath: string, faiPath: string, entries: readonly FaiEntry[]): Promise<string | null> {
  const [fasta, fai] = await Promise.all([stat(fastaPath), stat(faiPath)]);
  if (fasta.mtimeMs > fai.mtimeMs) return `${fastaPath} was modified after its index ${faiPath}`;
  const last = entries[entries.length - 1];
  if (last === undefined) return `${faiPath} lists no sequences`;
  const basesEnd = byteAfterBase(last, last.lengthBp - 1);
  const tailBytes = fasta.size - basesEnd;
  // A real tail is a line end or a few blank lines; anything longer is another record.
  if (tailBytes < 0 || tailBytes > 64) return `${faiPath} does not match ${fastaPath} (its last record '${last.name}' should end at byte ${basesEnd}; the file has ${fasta.size} bytes)`;
  const tail = Buffer.alloc(tailBytes);
  const handle = await open(fastaPath, 'r');
  await handle.read(tail, 0, tailBytes, basesEnd).finally(() => handle.close());
  if (!/^[\r\n]*$/.test(tail.toString('latin1'))) return `${faiPath} does not match ${fastaPath} (more than line ends follows the last record '${last.name}')`;
  return null;
}

/** The byte just after base `bp` (0-based) of an indexed record. */
function byteAfterBase(entry: FaiEntry, bp: number): number {
  return entry.offset + Math.floor(bp / entry.lineBases) * entry.lineBytes + (bp % entry.lineBases) + 1;
}

/**
 * Reads `<fasta>.fai`, or builds it (and writes it next to the FASTA when the folder is writable).
 * A stale index is never used: it is rebuilt, and `onNote` says so (letters read through a stale
 * index would be shifted, silently, or would include line ends).
 */
export async function loadOrBuildFai(fastaPath: string, onNote?: (note: string) => void): Promise<FaiEntry[]> {
  const faiPath = `${fastaPath}.fai`;
  const existing = await readFile(faiPath, 'utf8').catch(() => null);
  let stale: string | null = null;
  if (existing !== null) {
    const entries = parseFai(existing, faiPath);
    stale = await staleFaiReason(fastaPath, faiPath, entries);
    if (stale === null) return entries;
  }
  const entries = await buildFai(fastaPath);
  // A read-only data folder is normal (shared genomes); the index then lives in memory only.
  const written = await writeFileAtomic(faiPath, formatFai(entries)).then(() => true, () => false);
  if (stale !== null) onNote?.(`${stale}: rebuilt the index ${written ? 'in place' : 'in memory (cannot write next to the FASTA; the stale file stays)'}`);
  return entries;
}
