// Part of every cache key: bump it whenever the engine's numbers for the same model, input and
// options may change (a rule fix, a new tiling default), so stale cached results are not reused.
export const ENGINE_VERSION = 'plrp-engine-1';
