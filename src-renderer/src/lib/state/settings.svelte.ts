// Settings view state: persisted settings plus the cache's location and size.
import type { CacheInfo, PruneRequest } from '../../../../src-main/shared/run-api';
import type { Settings } from '../../../../src-main/shared/studio-types';
import type { ApiClient } from '../api/client';
import { errorMessage } from '../../../../src-main/shared/errors';
import { describePrune } from '../util/cache-prune';

export class SettingsState {
  settings = $state<Settings | null>(null);
  cache = $state<CacheInfo | null>(null);
  error = $state<string | null>(null);
  message = $state<string | null>(null);

  constructor(private readonly api: ApiClient) {}

  async load(): Promise<void> {
    try {
      [this.settings, this.cache] = await Promise.all([this.api.invoke('settings:get', {}), this.api.invoke('cache:info', {})]);
    } catch (e) {
      this.error = errorMessage(e);
    }
  }

  async update(patch: Partial<Settings>): Promise<void> {
    try {
      this.settings = await this.api.invoke('settings:set', patch);
    } catch (e) {
      this.error = errorMessage(e);
    }
  }

  /** Deletes the oldest runs until the request holds (running runs are never deleted). */
  async prune(request: PruneRequest): Promise<void> {
    try {
      const r = await this.api.invoke('cache:prune', request);
      this.cache = r.after;
      this.message = describePrune(r);
    } catch (e) {
      this.error = errorMessage(e);
    }
  }
}
