// Winner-takes-all routing on the host, for overlapping MaxPool windows that MaxUnpool cannot
// express (their relevance must accumulate). Reuses the reference backend's loop.
import type { HostArray, PoolGeometry } from '../algebra';
import { createEagerAlgebra } from '../eager/eager-algebra';

export function maxPoolRouteOnHost(r: HostArray, a: HostArray, pool: PoolGeometry): HostArray {
  return createEagerAlgebra().maxPoolRoute(r, a, pool);
}
