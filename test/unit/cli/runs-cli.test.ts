// `plrp runs list|show|export|delete|cache` on the cache a user names: a missing file is a typo
// to report, never a new empty cache, and an empty list says so without printing a run line.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RunCache } from '../../../src-main/services/cache/run-cache';
import { runCli } from './cli-helpers';

let dir = '';
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'plrp-runs-cli-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('plrp runs on a cache that is not there', () => {
  const commands: [string, string[]][] = [
    ['list', ['runs', 'list']],
    ['list --json', ['runs', 'list', '--json']],
    ['show', ['runs', 'show', 'abcd1234']],
    ['export', ['runs', 'export', 'abcd1234', '--out', 'unused']],
    ['delete', ['runs', 'delete', 'abcd1234']],
    ['cache', ['runs', 'cache']],
    ['cache --keep', ['runs', 'cache', '--keep', '1']],
    ['resume', ['runs', 'resume', 'abcd1234']],
  ];
  for (const [name, args] of commands) {
    it(`${name}: says there is no run cache (exit 2) and creates nothing`, async () => {
      const cache = join(dir, 'typo', 'dir', 'x.sqlite');
      const r = await runCli([...args, '--cache', cache]);
      expect([r.code, r.stdout, r.stderr]).toEqual([2, '', `plrp: no run cache at ${cache}\n`]);
      expect(existsSync(join(dir, 'typo'))).toBe(false);
    });
  }
});

describe('plrp runs list on an empty cache', () => {
  it('prints nothing on stdout and says there are no runs on stderr', async () => {
    const cache = join(dir, 'empty.sqlite');
    new RunCache(cache).close();
    const r = await runCli(['runs', 'list', '--cache', cache]);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', `plrp: no runs in ${cache}\n`]);
    const json = await runCli(['runs', 'list', '--json', '--cache', cache]);
    expect([json.code, json.stdout, json.stderr]).toEqual([0, '[]\n', '']);
  });
});
