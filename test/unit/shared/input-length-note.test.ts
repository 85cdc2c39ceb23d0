// New run says, before a region run starts, how many regions will get no faithfulness (only
// sequences exactly the model's input length have one).
import { describe, expect, it } from 'vitest';
import { notInputLengthNote } from '../../../src-main/shared/input-length-note';

describe('the New-run note on regions that are not the model input length', () => {
  it('counts the regions of another length and the ones faithfulness will rest on', () => {
    const peaks = { sequences: 12, minLengthBp: 150, maxLengthBp: 400, lengthCounts: [[150, 4], [200, 3], [400, 5]] as [number, number][] };
    expect(notInputLengthNote(200, peaks)).toBe(
      "9 of 12 regions are not the model's 200-bp input length: their faithfulness will be \"—\" (it is computed on sequences exactly that long), " +
      "and the Dashboard's faithfulness and recommended p rest on the others (3 regions).");
  });
  it('says when none fits, when lengths were too many to count, and nothing when all fit or the model takes any length', () => {
    const wide = { sequences: 2, minLengthBp: 300, maxLengthBp: 500, lengthCounts: [[300, 1], [500, 1]] as [number, number][] };
    expect(notInputLengthNote(200, wide)).toBe("No region is the model's 200-bp input length: faithfulness will be \"—\" for all 2 regions (it is computed on sequences exactly that long).");
    expect(notInputLengthNote(200, { ...wide, lengthCounts: null })).toMatch(/^Some regions are not the model's 200-bp input length: /);
    expect(notInputLengthNote(200, { sequences: 3, minLengthBp: 200, maxLengthBp: 200, lengthCounts: [[200, 3]] })).toBeNull();
    expect(notInputLengthNote(0, wide)).toBeNull();
  });
});
