import { describe, expect, it } from 'vitest';
import { ProgressBar, WarningLog } from '../../../src-main/cli/progress';

/** A stderr stand-in that records what is written; `isTTY` decides whether the bar is drawn. */
function stream(isTTY: boolean): { s: NodeJS.WriteStream; text: () => string } {
  const parts: string[] = [];
  const s = { isTTY, write: (chunk: string) => parts.push(chunk) } as unknown as NodeJS.WriteStream;
  return { s, text: () => parts.join('') };
}

describe('the CLI progress bar', () => {
  it('prints a message on its own line and draws the bar again below it', () => {
    const out = stream(true);
    const bar = new ProgressBar('explain', 100, out.s);
    bar.update(0);
    expect(out.text()).toContain('0/100 ETA …');
    bar.update(40.7);
    bar.log('plrp: warning: short');
    const lines = out.text().split('\n');
    // The warning starts a cleared line; the bar (40 of 100, floored) follows on the next.
    expect(lines[0].endsWith('\r\x1b[Kplrp: warning: short')).toBe(true);
    expect(lines[1]).toMatch(/^explain \[#{12}\.{18}\] 40\/100 ETA \d+s $/);
    bar.done();
    bar.log('after');
    expect(out.text().endsWith('\n\r\x1b[Kafter\n')).toBe(true);
  });

  it('names the step that runs after the counted work instead of an ETA of 0 s', () => {
    const out = stream(true);
    const bar = new ProgressBar('explain', 100, out.s);
    bar.update(100);
    bar.phase('scanning 879 motifs, calling seqlets');
    expect(out.text().split('\r\x1b[K').at(-1)).toBe(`explain [${'#'.repeat(30)}] 100/100 · scanning 879 motifs, calling seqlets `);
  });

  it('paces the ETA of a resumed run on the work this run does, not on what was stored before', () => {
    const out = stream(true);
    let now = 0;
    const bar = new ProgressBar('run', 1000, out.s, () => now, 900);
    now = 10_000;
    bar.update(950);
    // 50 of the 100 left took 10 s: 10 s to go (900 of 1,000 done before would have said about 0.5 s).
    expect(out.text()).toContain('950/1000 ETA 10s');
  });

  it('in a log (stderr not a terminal) prints a plain progress line every 30 s and each step', () => {
    const out = stream(false);
    let now = 0;
    const bar = new ProgressBar('explain', 20_000, out.s, () => now);
    now = 10_000;
    bar.update(5_000);
    expect(out.text()).toBe('');
    now = 30_000;
    bar.update(10_000);
    now = 40_000;
    bar.update(12_000);
    bar.phase('writing out.json');
    expect(out.text()).toBe('plrp: explain: 10,000 / 20,000 (50 %), 30s left\nplrp: explain: writing out.json\n');
  });

  it('draws nothing when stderr is not a terminal, but still prints messages', () => {
    const out = stream(false);
    const bar = new ProgressBar('explain', 100, out.s);
    bar.update(50);
    bar.log('plrp: warning: short');
    bar.done();
    expect(out.text()).toBe('plrp: warning: short\n');
  });
});

describe('warnings during a command', () => {
  it('prints the first few and sums up the rest, naming where all of them are', () => {
    const lines: string[] = [];
    const log = new WarningLog((l) => lines.push(l), 3);
    for (let i = 0; i < 7; i++) log.warn(`sequence s${i} is short`);
    log.summary('out.json');
    expect(lines).toEqual([
      'plrp: warning: sequence s0 is short', 'plrp: warning: sequence s1 is short', 'plrp: warning: sequence s2 is short',
      'plrp: warning: 4 more warnings not shown; every warning is in out.json',
    ]);
  });

  it('says nothing more when every warning was printed', () => {
    const lines: string[] = [];
    const log = new WarningLog((l) => lines.push(l), 3);
    log.warn('one');
    log.summary('out.json');
    expect(lines).toEqual(['plrp: warning: one']);
  });
});
