// Where the native PLRP kernels addon (native/ort-kernels) is built. Like resources-dir.ts, this
// module sits two levels below the project root in the sources (src-main/engine/) and in the
// electron-vite bundle (out/main/), so one relative URL serves both; PLRP_NATIVE_ADDON overrides it.
import { fileURLToPath } from 'node:url';

export function nativeAddonPath(): string {
  return process.env.PLRP_NATIVE_ADDON ?? fileURLToPath(new URL('../../native/ort-kernels/build/Release/plrp_ort_kernels.node', import.meta.url));
}
