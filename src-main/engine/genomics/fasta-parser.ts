// Incremental FASTA parser: fed byte chunks in any split (a line, even a CRLF pair, may straddle two
// chunks), it returns finished records. It works on bytes, not lines, so a chromosome written on a
// single 200 MB line never forces a quadratic re-concatenation of partial lines.
// Rules (../shared/spec/genomics.md "FASTA"): `>` header, name = first word, description = rest;
// multi-line records; CRLF; blank lines; spaces/tabs inside sequence lines are ignored (as
// Biopython does); letters upper-cased with soft-masked lower case counted; N and IUPAC codes
// counted as unknown; any other character is a BAD_FASTA error naming file, record, line, column.
import { AppError } from '../../shared/errors';
import { CLASS_BASE, CLASS_UNKNOWN, NUCLEOTIDE_CLASS } from './nucleotides';

export interface FastaRecord {
  /** First word of the header. */
  name: string;
  /** Rest of the header after the name (trimmed), '' when absent. */
  description: string;
  /** Upper-cased sequence. */
  sequence: string;
  /** Number of soft-masked (lower-case) letters before upper-casing. */
  lowercaseCount: number;
  /** Number of N / IUPAC ambiguity letters. */
  unknownCount: number;
  /** 1-based line number of the `>` header. */
  headerLine: number;
  /** 0-based index of the record in the file. */
  index: number;
}

const LF = 0x0a;
const CR = 0x0d;
const GT = 0x3e;
const SPACE = 0x20;
const TAB = 0x09;

function describeByte(b: number): string {
  return b >= 0x21 && b < 0x7f ? `'${String.fromCharCode(b)}'` : `byte 0x${b.toString(16).padStart(2, '0')}`;
}

export class FastaParser {
  private line = 1;
  private column = 0; // bytes consumed in the current line
  private inHeader = false;
  private headerBytes: Buffer[] = [];
  private sawAnyByte = false;
  private current: Omit<FastaRecord, 'sequence'> & { parts: string[]; length: number } | null = null;
  private recordCount = 0;
  private out: FastaRecord[] = [];

  constructor(private readonly fileName: string) {}

  push(chunk: Buffer): FastaRecord[] {
    let pos = 0;
    if (!this.sawAnyByte && chunk.length > 0) {
      this.checkNotBinary(chunk);
      // Windows editors (Notepad) start UTF-8 files with a byte-order mark; it is not content.
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) pos = 3;
    }
    while (pos < chunk.length) {
      const nl = chunk.indexOf(LF, pos);
      const end = nl === -1 ? chunk.length : nl;
      this.segment(chunk, pos, end);
      if (nl === -1) break;
      this.endOfLine();
      pos = nl + 1;
    }
    return this.drain();
  }

  end(): FastaRecord[] {
    if (this.inHeader || this.column > 0) this.endOfLine();
    this.finishRecord();
    if (this.recordCount === 0) {
      throw new AppError('BAD_FASTA', `${this.fileName}: contains no FASTA records (the file is empty or blank)`);
    }
    return this.drain();
  }

  private drain(): FastaRecord[] {
    const out = this.out;
    this.out = [];
    return out;
  }

  /** A NUL byte in the first chunk means a binary file (an ONNX model, a BAM, …), not text. */
  private checkNotBinary(chunk: Buffer): void {
    this.sawAnyByte = true;
    const head = chunk.subarray(0, 8192);
    if (head.includes(0)) {
      throw new AppError('BAD_FASTA', `${this.fileName}: is a binary file, not FASTA text`);
    }
  }

  private segment(buf: Buffer, start: number, end: number): void {
    if (start === end) return;
    if (this.column === 0 && !this.inHeader && buf[start] === GT) {
      this.finishRecord();
      this.inHeader = true;
    }
    if (this.inHeader) {
      this.headerBytes.push(Buffer.from(buf.subarray(start, end)));
      this.column += end - start;
      return;
    }
    this.sequenceBytes(buf, start, end);
  }

  private sequenceBytes(buf: Buffer, start: number, end: number): void {
    const rec = this.current;
    const upper = Buffer.allocUnsafe(end - start);
    let n = 0;
    for (let i = start; i < end; i++) {
      const b = buf[i];
      const cls = NUCLEOTIDE_CLASS[b];
      if (cls === CLASS_BASE || cls === CLASS_UNKNOWN) {
        if (rec === null) this.notFasta(b);
        if (b >= 0x61) rec!.lowercaseCount++;
        if (cls === CLASS_UNKNOWN) rec!.unknownCount++;
        upper[n++] = b & 0xdf;
      } else if (b !== CR && b !== SPACE && b !== TAB) {
        if (rec === null) this.notFasta(b);
        throw new AppError(
          'BAD_FASTA',
          `${this.fileName}: record '${rec!.name}' (record ${rec!.index + 1}), line ${this.line}, column ${this.column + i - start + 1}: ` +
            `unexpected character ${describeByte(b)} (expected A, C, G, T, N or an IUPAC code)`,
        );
      }
    }
    this.column += end - start;
    if (n > 0) {
      rec!.parts.push(upper.toString('latin1', 0, n));
      rec!.length += n;
    }
  }

  private notFasta(b: number): never {
    throw new AppError(
      'BAD_FASTA',
      `${this.fileName}: not a FASTA file: line ${this.line}, column ${this.column + 1} starts with ${describeByte(b)} where a '>' header was expected${b === 0x40 && this.line === 1 ? " (this looks like FASTQ: convert it to FASTA first, e.g. `seqtk seq -a reads.fq`)" : ''}`,
    );
  }

  private endOfLine(): void {
    if (this.inHeader) this.startRecord();
    this.line++;
    this.column = 0;
  }

  private startRecord(): void {
    const text = Buffer.concat(this.headerBytes).toString('utf8').slice(1).replace(/\s+$/, '');
    this.headerBytes = [];
    this.inHeader = false;
    const headerLine = this.line;
    const match = /^\s*(\S+)\s*(.*)$/.exec(text);
    if (match === null) {
      throw new AppError('BAD_FASTA', `${this.fileName}: line ${headerLine}: header of record ${this.recordCount + 1} has no name after '>'`);
    }
    this.current = {
      name: match[1],
      description: match[2],
      headerLine,
      index: this.recordCount++,
      lowercaseCount: 0,
      unknownCount: 0,
      parts: [],
      length: 0,
    };
  }

  private finishRecord(): void {
    const rec = this.current;
    if (rec === null) return;
    this.current = null;
    if (rec.length === 0) {
      throw new AppError(
        'BAD_FASTA',
        `${this.fileName}: record '${rec.name}' (record ${rec.index + 1}, header at line ${rec.headerLine}) has no sequence`,
      );
    }
    const { parts, length: _length, ...fields } = rec;
    this.out.push({ ...fields, sequence: parts.length === 1 ? parts[0] : parts.join('') });
  }
}
