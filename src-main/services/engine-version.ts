// Part of every cache key: bump it whenever the engine's numbers for the same model, input and
// options may change (a rule fix, a new tiling default), so stale cached results are not reused.
// 2: seqlets are called against a fixed sample's null, with consistent binning (cached seqlets
// are stored per explanation key, so this is what keeps the old ones from being reused).
export const ENGINE_VERSION = 'plrp-engine-2';
