import { describe, expect, it } from 'vitest';
import { binOf, buildSpanNull, spanPValue } from '../../../../src-main/engine/seqlets/span-null';
import { recursiveSeqlets } from '../../../../src-main/engine/seqlets/recursive-seqlets';
import { callSeqlets } from '../../../../src-main/engine/seqlets/seqlets';
import type { MotifHit } from '../../../../src-main/engine/motifs/hit';

function noiseTrack(length: number, seed: number): Float32Array {
  let s = seed;
  const rnd = (): number => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  return Float32Array.from({ length }, () => (rnd() - 0.5) * 0.2);
}

describe('span null distribution', () => {
  it('convolves the relevance histogram as computed by hand for two equally likely values', () => {
    // Values {0, 1} with 2 bins: width 1, f = [0.5, 0.5]; length-2 sums: bins 0,1,2 with 1/4, 1/2, 1/4;
    // the reverse CDF (tangermeme's recurrence r[b] = r[b−1] − pdf[b], r[0] = 1) is [1, 0.5, 0.25].
    const nul = buildSpanNull([Float32Array.from([0, 1, 0, 1])], 2, 2)!;
    Array.from(nul.rcdf[2]).forEach((v, i) => expect(v).toBeCloseTo([1, 0.5, 0.25][i], 14));
    expect(spanPValue(nul, 2, 2, 2)).toBeCloseTo(0.25, 14);
    expect(spanPValue(nul, 2, 1, 1)).toBeCloseTo(0.5, 14);
  });

  it('matches direct repeated convolution of the histogram for every span length', () => {
    const track = noiseTrack(3000, 11).map((v, i) => (i % 50 === 0 ? v * 20 : v));
    const bins = 200;
    const nul = buildSpanNull([track], 12, bins)!;
    const f = new Float64Array(bins);
    for (const v of track) f[Math.min(bins - 1, Math.floor((v - nul.xMin) / nul.binWidth))] += 1 / track.length;
    let pdf = Float64Array.from(f);
    for (let len = 1; len <= 12; len++) {
      if (len > 1) {
        const next = new Float64Array((bins - 1) * len + 1);
        for (let i = 0; i < pdf.length; i++) for (let j = 0; j < bins; j++) next[i + j] += pdf[i] * f[j];
        pdf = next;
      }
      let r = 1;
      for (let b = 1; b < pdf.length; b++) {
        r = Math.max(r - pdf[b], 0);
        expect(Math.abs(nul.rcdf[len][b] - r)).toBeLessThan(1e-12);
      }
    }
  });

  it('gives the same distributions when it starts at the minimum seqlet length and ends on an odd length', () => {
    const track = noiseTrack(2000, 5);
    const all = buildSpanNull([track], 12, 300)!;
    for (const from of [2, 4]) {
      const part = buildSpanNull([track], 11, 300, from)!;
      expect(part.rcdf[from - 1]).toHaveLength(0);
      for (let len = from; len <= 11; len++) part.rcdf[len].forEach((v, b) => expect(Math.abs(v - all.rcdf[len][b])).toBeLessThan(1e-12));
    }
  });

  it('has nothing to call on a constant track', () => {
    expect(recursiveSeqlets([new Float32Array(50)])).toEqual([]);
  });
});

describe('recursive seqlets', () => {
  const track = noiseTrack(400, 3);
  track.fill(1, 100, 110); // a strong positive block
  track.fill(-1, 250, 258); // a strong negative block
  track.fill(1, 300, 302); // too short to be a seqlet on its own (minimum length 4)

  it('finds a planted positive block and a planted negative block, each with its sign', () => {
    const seqlets = callSeqlets([track]);
    const pos = seqlets.filter((s) => s.sign === 'positive');
    const neg = seqlets.filter((s) => s.sign === 'negative');
    expect(pos.some((s) => s.start >= 98 && s.end <= 112 && s.end - s.start >= 8)).toBe(true);
    expect(neg.some((s) => s.start >= 248 && s.end <= 260 && s.end - s.start >= 6 && s.attribution < -5)).toBe(true);
    expect(pos.every((s) => s.attribution > 0)).toBe(true);
  });

  it('never returns overlapping seqlets of one sign, and every sub-span of each is significant', () => {
    const seqlets = recursiveSeqlets([track]);
    const nul = buildSpanNull([track], 25, 1000)!;
    const sorted = [...seqlets].sort((a, b) => a.start - b.start);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i].start).toBeGreaterThanOrEqual(sorted[i - 1].end);
    for (const s of seqlets) {
      expect(s.end - s.start).toBeGreaterThanOrEqual(4);
      expect(s.end - s.start).toBeLessThanOrEqual(25);
      for (let a = s.start; a < s.end; a++) for (let b = a + 4; b <= s.end; b++) {
        let sum = 0;
        let binSum = 0;
        for (let k = a; k < b; k++) {
          sum += track[k];
          binSum += binOf(nul, track[k]);
        }
        expect(spanPValue(nul, b - a, binSum, sum)).toBeLessThan(0.01);
      }
    }
  });

  it('calls exactly what the definition calls, spelled out by brute force on random tracks', () => {
    // The definition, independent of the table layout: p of a span is the maximum over its
    // prefixes of length ≥ minLength; a span is eligible when it and every suffix of length ≥
    // minLength pass; lengths go longest first, then lowest p, then lowest start; a span is
    // accepted when none of its bases is already in an accepted seqlet.
    const o = { threshold: 0.01, minLength: 4, maxLength: 25, bins: 1000 };
    const bruteForce = (tracks: Float32Array[]) => {
      const nul = buildSpanNull(tracks, o.maxLength, o.bins, o.minLength)!;
      const out: { sequenceIndex: number; start: number; end: number; attribution: number; pValue: number }[] = [];
      tracks.forEach((t, si) => {
        const sum = (a: number, b: number) => { let x = 0; for (let k = a; k < b; k++) x += t[k]; return x; };
        const binSum = (a: number, b: number) => { let x = 0; for (let k = a; k < b; k++) x += binOf(nul, t[k]); return x; };
        const folded = (k: number, len: number) => {
          let p = 0;
          for (let m = o.minLength; m <= len; m++) p = Math.max(p, spanPValue(nul, m, binSum(k, k + m), sum(k, k + m)));
          return p;
        };
        const taken = new Uint8Array(t.length);
        for (let len = o.maxLength; len >= o.minLength; len--) {
          const spans: { k: number; p: number }[] = [];
          for (let k = 0; k + len <= t.length; k++) {
            const p = folded(k, len);
            let eligible = p < o.threshold;
            for (let j = 1; eligible && len - j >= o.minLength; j++) eligible = folded(k + j, len - j) < o.threshold;
            if (eligible) spans.push({ k, p });
          }
          spans.sort((a, b) => a.p - b.p || a.k - b.k);
          for (const { k, p } of spans) {
            if (taken.subarray(k, k + len).some((v) => v === 1)) continue;
            taken.fill(1, k, k + len);
            // Reported from its first to its last base with relevance of its sign.
            let first = k;
            let last = k + len;
            while (first < last - 1 && !(t[first] > 0)) first++;
            while (last > first + 1 && !(t[last - 1] > 0)) last--;
            out.push({ sequenceIndex: si, start: first, end: last, attribution: sum(first, last), pValue: p });
          }
        }
      });
      return out.sort((a, b) => a.pValue - b.pValue || a.sequenceIndex - b.sequenceIndex || a.start - b.start);
    };
    const check = (tracks: Float32Array[]) => {
      const got = recursiveSeqlets(tracks, o);
      expect(got.length).toBeGreaterThan(0);
      const want = bruteForce(tracks);
      expect(got.map(({ attribution, ...rest }) => ({ ...rest, attribution: Math.fround(attribution) })))
        .toEqual(want.map(({ attribution, ...rest }) => ({ ...rest, attribution: Math.fround(attribution) })));
      return got;
    };
    for (let seed = 1; seed <= 4; seed++) {
      const tracks = [noiseTrack(160, seed), noiseTrack(90, seed + 10)];
      tracks[0].fill(0.6, 20 + seed, 34 + seed); // a block longer than most spans
      tracks[1].fill(0.5, 40, 46);
      check(tracks);
    }
    // A longer track with many equal blocks: each length has far more passing spans, with many
    // equal p-values, than the short ones (at length 4, at least three per block: ranges of over 32 are
    // ordered by a counting sort instead of insertion).
    const long = noiseTrack(2_000, 99);
    for (let b = 0; b < 40; b++) long.fill(1 + (b % 3) * 0.1, 30 + b * 48, 30 + b * 48 + 6 + (b % 5) * 4);
    expect(check([long]).length).toBeGreaterThanOrEqual(40);
    // Tracks past 16 kbp keep each length's spans in arrays of their own instead of reused ones.
    const longer = noiseTrack(20_000, 98);
    for (let b = 0; b < 300; b++) longer.fill(1 + (b % 3) * 0.1, 30 + b * 64, 30 + b * 64 + 6 + (b % 5) * 4);
    expect(check([longer]).length).toBeGreaterThanOrEqual(300);
  });

  it('annotates each seqlet with its best overlapping motif hit', () => {
    const base = { motifAltId: '', sequenceIndex: 0, sequenceName: 's', strand: '+' as const, score: 1, qValue: 0.1, matchedSequence: 'ACGTAC', motifIndex: 0 };
    const hits: MotifHit[] = [
      { ...base, motifId: 'weak', start: 102, end: 108, pValue: 1e-4 },
      { ...base, motifId: 'strong', start: 98, end: 104, pValue: 1e-6 },
      { ...base, motifId: 'elsewhere', start: 10, end: 16, pValue: 1e-9 },
    ];
    const seqlet = callSeqlets([track], hits).find((s) => s.sign === 'positive' && s.start < 110 && s.end > 100)!;
    expect(seqlet.bestHit?.motifId).toBe('strong');
    const negative = callSeqlets([track], hits).find((s) => s.sign === 'negative')!;
    expect(negative.bestHit).toBeNull();
  });
});

describe('seqlets on relevance that is exactly zero outside its peaks (PLRP)', () => {
  // 40 tracks of 200 bp, each zero but for a one-base positive peak and, on every other track, a
  // weaker negative one: 99.3 % of the values are exactly 0. Binning the observed span once
  // (tangermeme) put a run of zeros several bins above the null's, and both signs' seqlets tiled
  // the whole track.
  const peak = (i: number): number => 20 + 4 * i;
  const tracks = Array.from({ length: 40 }, (_, i) => {
    const t = new Float32Array(200);
    t[peak(i)] = 1 + (i % 5) * 0.1;
    if (i % 2 === 0) t[190] = -0.4 - (i % 3) * 0.1;
    return t;
  });

  it('calls seqlets only over a peak, of either sign, never over a run of zeros', () => {
    for (const [input, flipped] of [[tracks, false], [tracks.map((t) => t.map((v) => -v)), true]] as const) {
      const seqlets = callSeqlets(input);
      expect(seqlets.length).toBeGreaterThan(0);
      for (const s of seqlets) {
        const up = (s.sign === 'positive') !== flipped;
        const at = up ? peak(s.sequenceIndex) : 190;
        expect(s.start <= at && at < s.end, `${s.sign} seqlet ${s.start}–${s.end} of track ${s.sequenceIndex}`).toBe(true);
        // Trimmed to the bases that carry its relevance: here, the one-base peak itself.
        expect([s.start, s.end], `${s.sign} seqlet of track ${s.sequenceIndex}`).toEqual([at, at + 1]);
      }
      // The three strongest of the five peak heights are found on every track, with their sign.
      tracks.forEach((_, i) => {
        if (i % 5 >= 2) expect(seqlets.some((s) => s.sequenceIndex === i && (s.sign === 'positive') !== flipped)).toBe(true);
      });
    }
  });

  it('gives a span of zeros p = 1 in both directions', () => {
    for (const input of [tracks, tracks.map((t) => t.map((v) => -v))]) {
      const nul = buildSpanNull(input, 25, 1000, 4)!;
      for (const len of [4, 10, 25]) expect(spanPValue(nul, len, len * binOf(nul, 0), 0)).toBe(1);
    }
  });
});
