// Every character outside ASCII that the renderer's sources write must be one the fonts a Linux
// desktop ships with can draw: the full-width ＋ and － of the zoom buttons showed as empty boxes in
// Debian's Chromium, where only a CJK fallback font (which Chromium did not use) has them.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../../../src-renderer/src');

/**
 * Checked one by one with `fc-list ":charset=HEX" family` on Debian 12: each is in DejaVu Sans, the
 * font system-ui and sans-serif resolve to there (and is in Segoe UI or Segoe UI Symbol on Windows
 * and in the macOS system fonts). A character not listed here needs the same check before it goes
 * in — or an SVG icon (components/common/Icon.svelte) instead.
 */
const DRAWABLE = new Set([...'…—–·ΣλΔ⚠−×±→←÷≤≥≠≈∝”“‘’○ä▼▲‹›⁺⁻']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.(svelte|ts|css|html)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('the characters the renderer writes', () => {
  it('are ASCII or ones the common fonts draw', () => {
    const undrawable: string[] = [];
    for (const file of sourceFiles(ROOT)) {
      const text = readFileSync(file, 'utf8');
      for (const ch of new Set(text.match(/[^\u0020-\u007e\t\n\r]/gu) ?? [])) {
        if (!DRAWABLE.has(ch)) undrawable.push(`${relative(ROOT, file)}: '${ch}' U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
      }
    }
    expect(undrawable).toEqual([]);
  });
});
