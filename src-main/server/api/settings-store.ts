// User settings (threads, N encoding, theme), kept as a small JSON file in the data folder. A broken
// or hand-edited file falls back to defaults field by field instead of blocking start-up.
import { availableParallelism } from 'node:os';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomic } from './write-atomic';
import { settingsSchema } from '../../shared/ipc';
import type { Settings } from '../../shared/studio-types';

export function defaultSettings(): Settings {
  // One core stays free for the UI and the main process (architecture.md, piscina sizing).
  return { threads: Math.max(1, availableParallelism() - 1), nEncoding: 'zeros', theme: 'light' };
}

export class SettingsStore {
  private current: Settings;

  constructor(private readonly path: string) {
    this.current = SettingsStore.load(path);
  }

  private static load(path: string): Settings {
    const defaults = defaultSettings();
    if (!existsSync(path)) return defaults;
    try {
      const raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
      const out: Settings = { ...defaults };
      for (const key of Object.keys(defaults) as (keyof Settings)[]) {
        const parsed = settingsSchema.shape[key].safeParse(raw[key]);
        if (parsed.success) (out as unknown as Record<string, unknown>)[key] = parsed.data;
      }
      return out;
    } catch {
      return defaults;
    }
  }

  get(): Settings {
    return { ...this.current };
  }

  set(patch: Partial<Settings>): Settings {
    this.current = { ...this.current, ...settingsSchema.partial().parse(patch) };
    mkdirSync(dirname(this.path), { recursive: true });
    writeFileAtomic(this.path, JSON.stringify(this.current, null, 2));
    return this.get();
  }
}
