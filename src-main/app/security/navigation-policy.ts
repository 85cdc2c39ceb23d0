// Navigation and new-window policy (Electron security checklist, items 13–14). The UI is a single
// page: any navigation away from it, or any window.open, is either an attack (injected link) or a
// link the user meant to open in their browser. Neither may load inside our privileged window.
import { externalLinkDecision } from './external-link';

export const APP_ORIGIN = 'app://studio';

/** `will-navigate` / `will-redirect`: only reloads of our own app origin (or the dev server) pass. */
export function isNavigationAllowed(url: string, devServer?: string): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  if (target.origin === APP_ORIGIN || `${target.protocol}//${target.host}` === APP_ORIGIN) return true;
  if (devServer) {
    try {
      return target.origin === new URL(devServer).origin;
    } catch {
      return false;
    }
  }
  return false;
}

export type WindowOpenDecision = { action: 'deny'; external: string | null };

/**
 * `setWindowOpenHandler`: always deny the new window; an http(s) link is handed back so the caller
 * can offer to open it in the system browser (after the user confirms).
 */
export function decideWindowOpen(url: string): WindowOpenDecision {
  const d = externalLinkDecision(url);
  return { action: 'deny', external: d.allowed ? d.url : null };
}
