// Everything both hosts (Electron main, `plrp serve`) put behind the shared channel map: file tokens,
// settings, the model card, FASTA summaries, the bundled demo, and the run service.
import { join } from 'node:path';
import type { RunService } from '../shared/run-api';
import { createHandlers } from './api/handlers';
import { FileRegistry } from './api/file-registry';
import { SettingsStore } from './api/settings-store';
import { buildModelCard, type InspectModel } from './api/model-card';
import { summarizeFasta } from './api/fasta-summary';
import { demoBundle } from './api/demo-bundle';
import type { Handlers } from './api/dispatch';

export interface StudioHostOptions {
  dataDir: string;
  resourcesDir: string;
  runs: RunService;
  inspectModel: InspectModel;
  log(message: string): void;
}

export interface StudioHost {
  files: FileRegistry;
  settings: SettingsStore;
  handlers: Handlers;
  runs: RunService;
}

export function createStudioHost(o: StudioHostOptions): StudioHost {
  const files = new FileRegistry();
  const settings = new SettingsStore(join(o.dataDir, 'settings.json'));
  const handlers = createHandlers({
    runs: o.runs,
    files,
    settings,
    modelCard: (path, name) => buildModelCard(o.inspectModel, path, name, o.log),
    fastaSummary: (path, name) => summarizeFasta(path, name),
    demo: () => demoBundle(o.resourcesDir, files),
  });
  return { files, settings, handlers, runs: o.runs };
}
