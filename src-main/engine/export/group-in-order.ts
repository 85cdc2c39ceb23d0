// Grouping for the stored record codecs (./motif-hit-sets, ./seqlet-sets) and the hits of an imported
// out.json (../report/out-json-annotations): a record per sequence
// keeps its items in the order they were found, and records follow the sequences' first appearance.
// (Map.groupBy would do this, but it needs Node ≥ 21 and ES2024.)

/** Items grouped by key: groups in order of first appearance, each group in input order. */
export function groupInOrder<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
