// N-dimensional transpose of a host array (numpy.transpose semantics: out.dims[i] = x.dims[perm[i]]).
import type { HostArray } from '../algebra';

export function transposeArray(x: HostArray, perm: number[]): HostArray {
  const rank = x.dims.length;
  const dims = perm.map((p) => x.dims[p]);
  const inStrides = new Array<number>(rank);
  let s = 1;
  for (let i = rank - 1; i >= 0; i--) { inStrides[i] = s; s *= x.dims[i]; }
  const strideForOut = perm.map((p) => inStrides[p]);
  const out = new Float32Array(x.data.length);
  const idx = new Array<number>(rank).fill(0);
  for (let o = 0; o < out.length; o++) {
    let src = 0;
    for (let i = 0; i < rank; i++) src += idx[i] * strideForOut[i];
    out[o] = x.data[src];
    for (let i = rank - 1; i >= 0; i--) {
      if (++idx[i] < dims[i]) break;
      idx[i] = 0;
    }
  }
  return { dims, data: out };
}
