import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readNpy, writeNpy } from '../../../../src-main/engine/export/npy';

describe('npy export', () => {
  it('writes a float32 C-order array that reads back with its shape', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plrp-npy-'));
    const data = Float32Array.from({ length: 2 * 3 * 4 }, (_, i) => i * 0.5 - 3);
    await writeNpy(join(dir, 'a.npy'), data, [2, 3, 4]);
    const back = await readNpy(join(dir, 'a.npy'));
    expect(back.shape).toEqual([2, 3, 4]);
    expect(Array.from(back.data)).toEqual(Array.from(data));
    expect(readdirSync(dir)).toEqual(['a.npy']);
  });

  it('writes the header NumPy expects, padded so data starts on a 64-byte boundary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plrp-npy-'));
    await writeNpy(join(dir, 'b.npy'), new Float32Array(5), [5]);
    const buf = readFileSync(join(dir, 'b.npy'));
    const headerLen = buf.readUInt16LE(8);
    expect((10 + headerLen) % 64).toBe(0);
    expect(buf.toString('latin1', 10, 10 + headerLen)).toMatch(/^\{'descr': '<f4', 'fortran_order': False, 'shape': \(5,\), \} *\n$/);
    expect(buf.length).toBe(10 + headerLen + 20);
  });

  it('refuses a shape that does not match the data', async () => {
    await expect(writeNpy(join(tmpdir(), 'never.npy'), new Float32Array(5), [2, 3])).rejects.toThrow(/does not match/);
  });
});
