// Location of the motif set shipped with the app (resources/jaspar, CC BY 4.0): the default for
// `plrp scan` and for motif hits in `plrp explain` when the user names no motif file.
import { resourcesDir } from '../resources-dir';

export const BUNDLED_JASPAR_FILE = 'JASPAR2024_CORE_vertebrates_non-redundant_pfms_transfac.txt';

/** Resolved from this module (src-main/engine/motifs → repo root); PLRP_RESOURCES overrides it for packaged builds. */
export function bundledJasparPath(): string {
  const root = resourcesDir();
  return `${root}/jaspar/${BUNDLED_JASPAR_FILE}`;
}
