// The channels only Electron has: native open/save dialogs (the renderer gets a token, never a path)
// and opening an http(s) link in the system browser after the user confirms.
import { BrowserWindow, dialog, shell } from 'electron';
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { safeUploadName } from '../server/http/upload';
import type { Handlers } from '../server/api/dispatch';
import type { FileRegistry } from '../server/api/file-registry';
import { bedGraphExplanation, exportFileName, exportRunLines } from '../server/api/export-run';
import type { RunService } from '../shared/run-api';
import { openExternalLink } from './security/external-link';

const FILTERS = {
  model: [{ name: 'ONNX model', extensions: ['onnx'] }],
  fasta: [{ name: 'FASTA', extensions: ['fa', 'fasta', 'fna', 'fas', 'gz', 'bgz'] }],
  bed: [{ name: 'BED', extensions: ['bed', 'gz'] }],
  motifs: [{ name: 'Motif database', extensions: ['meme', 'jaspar', 'pfm', 'txt', 'transfac'] }],
} as const;

export function electronHandlers(files: FileRegistry, runs: RunService, uploadsDir: string, log: (m: string) => void): Handlers {
  const win = () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  return {
    'files:pick': async ({ kind }) => {
      const r = await dialog.showOpenDialog(win(), { properties: ['openFile'], filters: [{ name: FILTERS[kind][0].name, extensions: [...FILTERS[kind][0].extensions] }] });
      return r.canceled || !r.filePaths[0] ? null : files.register(r.filePaths[0], 'dialog');
    },
    'files:upload': async ({ name, bytes }) => {
      const dir = join(uploadsDir, randomBytes(6).toString('hex'));
      await mkdir(dir, { recursive: true });
      const safe = safeUploadName(name);
      await writeFile(join(dir, safe), bytes);
      return files.register(join(dir, safe), 'upload', safe);
    },
    'runs:export': async ({ runId, format, explanationId }) => {
      const run = await runs.get(runId);
      // Before the dialog: a bedGraph without a valid explanation is refused, not saved empty.
      if (format === 'bedgraph') bedGraphExplanation(run, explanationId);
      const name = exportFileName(run, format, explanationId);
      const r = await dialog.showSaveDialog(win(), { defaultPath: name });
      if (r.canceled || !r.filePath) return { saved: false, name };
      const out = createWriteStream(r.filePath);
      for await (const chunk of exportRunLines(runs, runId, format, explanationId)) {
        if (!out.write(chunk)) await new Promise<void>((res) => out.once('drain', () => res()));
      }
      await new Promise<void>((res, rej) => out.end((e?: Error | null) => (e ? rej(e) : res())));
      return { saved: true, name };
    },
    'shell:openExternal': ({ url }) =>
      openExternalLink(url, {
        confirm: async (u) => (await dialog.showMessageBox(win(), { type: 'question', buttons: ['Open', 'Cancel'], defaultId: 1, cancelId: 1, message: `Open this link in your browser?\n\n${u}` })).response === 0,
        open: (u) => shell.openExternal(u),
        log,
      }),
  };
}
