// The one order of a run's explanations, wherever they are listed (the relevance tracks, the
// Dashboard, the Layers view, table and TSV columns, exports, `plrp runs show`, reports): plain LRP
// first, then each PLRP method in the order the run first names it, each by increasing p, so a
// sweep reads from least to most pruned whatever order the run was configured in. Equal keys keep
// the run's order (a p set per pruning point sorts after every single p of its method).

/** What the order needs of an explanation: its method and its p (a number, or per pruning point). */
export interface OrderKey { method: string; p: unknown }

/** `items` in explanation order; `key` reads each one's method and p. */
export function inExplanationOrder<T>(items: readonly T[], key: (item: T) => OrderKey): T[] {
  const keys = items.map(key);
  const methodRank = (method: string): number => (method === 'lrp' ? -1 : keys.findIndex((k) => k.method === method));
  return items
    .map((item, index) => ({ item, index, rank: methodRank(keys[index].method), p: keys[index].method === 'lrp' ? 0 : typeof keys[index].p === 'number' ? keys[index].p : Infinity }))
    .sort((a, b) => a.rank - b.rank || a.p - b.p || a.index - b.index)
    .map(({ item }) => item);
}

/** The p of a stored explanation's canonical config (null: set per pruning point, or unreadable). */
export function canonicalP(canonical: string): number | null {
  try {
    const c = JSON.parse(canonical) as { method?: string; p?: unknown };
    if (c.method === 'lrp' || c.method === undefined) return 0;
    return typeof c.p === 'number' ? c.p : null;
  } catch {
    return null;
  }
}

/** A run's explanations (RunSummary.explanations) in explanation order. */
export function orderedExplanations<T extends { method: string; canonical: string }>(explanations: readonly T[]): T[] {
  return inExplanationOrder(explanations, (e) => ({ method: e.method, p: canonicalP(e.canonical) }));
}

/** Configs with an `id` (out.json's explanations, `{id, config}`) in explanation order. */
export function orderedConfigs<T extends { config: { method: string; p: unknown } }>(explanations: readonly T[]): T[] {
  return inExplanationOrder(explanations, (e) => e.config);
}
