// Opaque file tokens: the renderer never names a path (architecture.md, "Electron security"). A file
// enters the registry through a host-side act the user made (native dialog, upload, a path on the
// `plrp serve` command line, the bundled demo) and the renderer gets back only a random token.
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../../shared/errors';
import type { FileEntry, FileKind } from '../../shared/studio-types';

const EXTENSIONS: [RegExp, FileKind][] = [
  [/\.onnx$/i, 'model'],
  [/\.(fa|fasta|fna|fas)(\.b?gz)?$/i, 'fasta'],
  [/\.bed(\.gz)?$/i, 'bed'],
  [/\.(meme|jaspar|pfm|transfac|txt)$/i, 'motifs'],
];

export function guessFileKind(name: string): FileKind | null {
  for (const [re, kind] of EXTENSIONS) if (re.test(name)) return kind;
  return null;
}

export class FileRegistry {
  private readonly byToken = new Map<string, { path: string; entry: FileEntry }>();

  /** Registers an existing file; the same path registered twice gets the same token. */
  register(path: string, origin: FileEntry['origin'], displayName = basename(path)): FileEntry {
    for (const v of this.byToken.values()) if (v.path === path) return v.entry;
    let sizeBytes: number;
    try {
      sizeBytes = statSync(path).size;
    } catch {
      throw new AppError('FILE_NOT_FOUND', `${displayName}: file not found`);
    }
    // 18 random bytes → 24 base64url characters: unguessable, and matches the IPC token schema.
    const token = randomBytes(18).toString('base64url');
    const entry: FileEntry = { token, name: displayName, sizeBytes, origin, kind: guessFileKind(displayName) };
    this.byToken.set(token, { path, entry });
    return entry;
  }

  /** The path behind a token; a token we never issued is a FILE_NOT_FOUND, not a crash. */
  resolve(token: string): string {
    const hit = this.byToken.get(token);
    if (!hit) throw new AppError('FILE_NOT_FOUND', 'that file is no longer available; pick it again');
    return hit.path;
  }

  entry(token: string): FileEntry {
    this.resolve(token);
    return this.byToken.get(token)!.entry;
  }

  /**
   * Files the user brought in (the bundled demo files are listed by `demo:bundle` instead). A file
   * uploaded again (same name and size) is listed once, as its latest upload.
   */
  list(): FileEntry[] {
    const entries = [...this.byToken.values()].map((v) => v.entry).filter((e) => e.origin !== 'bundled');
    const latestUpload = new Map<string, FileEntry>();
    for (const e of entries) if (e.origin === 'upload') latestUpload.set(`${e.name}\u0000${e.sizeBytes}`, e);
    return entries.filter((e) => e.origin !== 'upload' || latestUpload.get(`${e.name}\u0000${e.sizeBytes}`) === e);
  }

  /**
   * A message with each uploaded file's path replaced by the file's own name: an upload lives
   * under a temporary folder whose path means nothing to the person who dropped the file.
   */
  nameUploads(message: string): string {
    let out = message;
    for (const { path, entry } of this.byToken.values()) if (entry.origin === 'upload') out = out.split(path).join(entry.name);
    return out;
  }
}
