// The last few values read by key, most recently used kept: the service re-reads the same stored
// result while a user zooms, pans or steps through it. Stored results never change (explanation
// keys are content addresses), so nothing needs invalidating.
export class RecentValues<V> {
  private readonly values = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  /** The value under `key`, read with `load` (and kept) unless one of the last few reads had it. */
  get(key: string, load: () => V | undefined): V | undefined {
    const hit = this.values.get(key);
    if (hit !== undefined) {
      this.values.delete(key);
      this.values.set(key, hit);
      return hit;
    }
    const value = load();
    if (value === undefined) return value;
    this.values.set(key, value);
    if (this.values.size > this.capacity) this.values.delete(this.values.keys().next().value!);
    return value;
  }
}
