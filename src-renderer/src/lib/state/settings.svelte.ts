// Settings view state: persisted settings plus the cache's location and size.
import type { CacheInfo } from '../../../../src-main/shared/run-api';
import type { Settings } from '../../../../src-main/shared/studio-types';
import type { ApiClient } from '../api/client';
import { errorMessage } from '../../../../src-main/shared/errors';

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

  async clearCache(): Promise<void> {
    try {
      const r = await this.api.invoke('cache:prune', { keepRuns: 0 });
      this.cache = r.after;
      this.message = `Removed ${r.removedRuns.length} run${r.removedRuns.length === 1 ? '' : 's'} from the cache.`;
    } catch (e) {
      this.error = errorMessage(e);
    }
  }
}
