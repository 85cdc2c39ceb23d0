// A run's ground-truth BED is read by RunService.start, by each launch and by every sequence the
// Run view opens: it is parsed once per version of the file, and an edited file is parsed again.
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GROUND_TRUTH_FILES_KEPT, parsedGroundTruth } from '../../../src-main/services/ground-truth-cache';
import { RunGroundTruth } from '../../../src-main/services/run-ground-truth';

const dir = mkdtempSync(join(tmpdir(), 'plrp-gt-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `text` with the given modification time (seconds), so a change never hides in one clock tick. */
function write(path: string, text: string, mtimeS: number): void {
  writeFileSync(path, text);
  utimesSync(path, mtimeS, mtimeS);
}

describe('parsed ground-truth BEDs', () => {
  it('parse a file once: every read of the same file gets the same parse, under any spelling of its path', () => {
    const bed = join(dir, 'sites.bed');
    write(bed, 'seq0\t10\t20\tsite\n', 1_000);
    const first = parsedGroundTruth(bed, null);
    expect(parsedGroundTruth(bed, null).gt).toBe(first.gt);
    expect(parsedGroundTruth(join(dir, '.', 'sites.bed'), null).gt).toBe(first.gt);
    // A run of a multitask model and one of a single-output model share the parse, not the match.
    expect(parsedGroundTruth(bed, ['a', 'site']).gt).toBe(first.gt);
    expect(parsedGroundTruth(bed, ['a', 'site']).match).toEqual({ labels: ['a', 'site'], regionsPerOutput: [0, 1], unmatched: 0 });
  });

  it('are what the run service reads: a file of the same path, size and modification time is not read again', () => {
    const bed = join(dir, 'run.bed');
    write(bed, 'seq0\t10\t20\n', 1_000);
    const regions = () => RunGroundTruth.read(bed, null)!.regions({ name: 'seq0', lengthBp: 100 }, 0);
    expect(regions()).toEqual([{ startBp: 10, endBp: 20, name: 'seq0', scored: true }]);
    // Rewritten in place with its size and time kept: what is known of the file says "unchanged".
    write(bed, 'seq0\t30\t40\n', 1_000);
    expect(regions()).toEqual([{ startBp: 10, endBp: 20, name: 'seq0', scored: true }]);
  });

  it('parse a changed file again: another size, or the same size with another modification time', () => {
    const bed = join(dir, 'edited.bed');
    write(bed, 'seq0\t10\t20\n', 1_000);
    const before = parsedGroundTruth(bed, null).gt;
    write(bed, 'seq0\t10\t20\nseq1\t5\t9\n', 1_000);
    const longer = parsedGroundTruth(bed, null).gt;
    expect(longer).not.toBe(before);
    expect([...longer.keys()]).toEqual(['seq0', 'seq1']);
    write(bed, 'seq0\t30\t40\nseq1\t5\t9\n', 2_000);
    expect(parsedGroundTruth(bed, null).gt.get('seq0')![0]).toMatchObject({ start: 30, end: 40 });
    // What the Run view draws follows the file.
    expect(RunGroundTruth.read(bed, null)!.regions({ name: 'seq0', lengthBp: 100 }, 0)).toEqual([{ startBp: 30, endBp: 40, name: 'seq0', scored: true }]);
  });

  it('keep the last few files read, so many BEDs do not pile up in memory', () => {
    const beds = Array.from({ length: GROUND_TRUTH_FILES_KEPT + 1 }, (_, i) => join(dir, `many-${i}.bed`));
    beds.forEach((b, i) => write(b, `seq${i}\t0\t5\n`, 1_000));
    const parses = beds.slice(0, GROUND_TRUTH_FILES_KEPT).map((b) => parsedGroundTruth(b, null).gt);
    // Read again before it is the oldest: kept, and now the most recent; beds[1] is the oldest.
    expect(parsedGroundTruth(beds[0], null).gt).toBe(parses[0]);
    parsedGroundTruth(beds[GROUND_TRUTH_FILES_KEPT], null);
    expect(parsedGroundTruth(beds[0], null).gt).toBe(parses[0]);
    // beds[1] went when the fifth file came: parsed again, to equal content.
    const again = parsedGroundTruth(beds[1], null).gt;
    expect(again).not.toBe(parses[1]);
    expect(again).toEqual(parses[1]);
  });
});
