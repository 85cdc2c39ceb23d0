// Lets the main thread's event loop run between chunks of synchronous work (SQLite writes and reads
// of a run's batches): IPC, HTTP, progress events and a Cancel wait at most one chunk.
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
