// Drag and drop of real files onto a page element, as a user dragging from their file manager:
// the files' bytes are handed to the page and a `drop` event with a DataTransfer is dispatched.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Page } from '@playwright/test';

export async function dropFiles(page: Page, selector: string, paths: string[]): Promise<void> {
  const files = paths.map((p) => ({ name: basename(p), bytes: [...readFileSync(p)] }));
  const transfer = await page.evaluateHandle((fs) => {
    const dt = new DataTransfer();
    for (const f of fs) dt.items.add(new File([new Uint8Array(f.bytes)], f.name));
    return dt;
  }, files);
  await page.dispatchEvent(selector, 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent(selector, 'drop', { dataTransfer: transfer });
}
