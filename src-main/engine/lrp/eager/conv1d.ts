// Plain-loop 1-D convolution and its transpose, for the TypeScript reference backend.
// Layout [N, C, L]; weight [C_out, C_in/group, k]; sums accumulate in double precision.
import type { ConvGeometry } from '../../model/linear-params';

export function convOutputLength(lengthIn: number, g: ConvGeometry): number {
  return Math.floor((lengthIn + g.pads[0] + g.pads[1] - g.dilations * (g.kernel - 1) - 1) / g.strides) + 1;
}

export function conv1d(x: Float32Array, n: number, cIn: number, lIn: number, w: Float32Array, cOut: number, bias: Float32Array | null, g: ConvGeometry): { data: Float32Array; lOut: number } {
  const lOut = convOutputLength(lIn, g);
  const out = new Float32Array(n * cOut * lOut);
  const cInG = cIn / g.group;
  const cOutG = cOut / g.group;
  for (let b = 0; b < n; b++) {
    for (let co = 0; co < cOut; co++) {
      const grp = Math.floor(co / cOutG);
      for (let j = 0; j < lOut; j++) {
        let acc = bias ? bias[co] : 0;
        for (let ci = 0; ci < cInG; ci++) {
          const xBase = (b * cIn + grp * cInG + ci) * lIn;
          const wBase = (co * cInG + ci) * g.kernel;
          for (let t = 0; t < g.kernel; t++) {
            const i = j * g.strides - g.pads[0] + t * g.dilations;
            if (i >= 0 && i < lIn) acc += x[xBase + i] * w[wBase + t];
          }
        }
        out[(b * cOut + co) * lOut + j] = acc;
      }
    }
  }
  return { data: out, lOut };
}

/** Adjoint of conv1d (without bias): maps [N, C_out, L_out] back to [N, C_in, L_in]. */
export function conv1dTranspose(s: Float32Array, n: number, cOut: number, lOut: number, w: Float32Array, cIn: number, lIn: number, g: ConvGeometry): Float32Array {
  const acc = new Float64Array(n * cIn * lIn);
  const cInG = cIn / g.group;
  const cOutG = cOut / g.group;
  for (let b = 0; b < n; b++) {
    for (let co = 0; co < cOut; co++) {
      const grp = Math.floor(co / cOutG);
      for (let j = 0; j < lOut; j++) {
        const sv = s[(b * cOut + co) * lOut + j];
        if (sv === 0) continue;
        for (let ci = 0; ci < cInG; ci++) {
          const xBase = (b * cIn + grp * cInG + ci) * lIn;
          const wBase = (co * cInG + ci) * g.kernel;
          for (let t = 0; t < g.kernel; t++) {
            const i = j * g.strides - g.pads[0] + t * g.dilations;
            if (i >= 0 && i < lIn) acc[xBase + i] += sv * w[wBase + t];
          }
        }
      }
    }
  }
  return Float32Array.from(acc);
}
