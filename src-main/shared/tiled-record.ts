// A record longer than the model's input is explained in overlapping model windows (stride half the
// input; engine/genomics/tiling.ts), and its numbers are aggregated over them differently: the
// logit and the output are each the mean over the windows (the output is the mean of the windows'
// sigmoid/softmax, not the head applied to the mean logit, so the two can disagree), while its
// relevance, each base the mean over the windows covering it, sums over the whole record. So for
// such a record Σ R is about (windows ÷ 2) × a window's logit, and Σ R ÷ logit says nothing about
// how much of the prediction an explanation keeps.

/** Whether a sequence of `lengthBp` was tiled: longer than a fixed-length model's input (unknown length or any-length model: no). */
export function isTiled(lengthBp: number, modelLengthBp: number | null): boolean {
  return modelLengthBp !== null && modelLengthBp > 0 && lengthBp > modelLengthBp;
}

/** What a tiled record's logit and output are, in a few words beside them. */
export const TILED_LOGIT_NOTE = 'mean over the model windows of this record, as its output is; its Σ R sums over the whole record';
