// External links: only http(s) may leave the app, and only to the system browser after the user
// confirms (Electron security checklist, item 15: shell.openExternal with untrusted input can run
// programs via file:, smb:, or custom protocol handlers).
export type ExternalLinkDecision = { allowed: true; url: string } | { allowed: false; reason: string };

export function externalLinkDecision(raw: string): ExternalLinkDecision {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { allowed: false, reason: 'not a valid URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { allowed: false, reason: `links with ${url.protocol} are not opened` };
  }
  // Credentials in a link are a phishing tell and never needed by documentation links.
  if (url.username || url.password) return { allowed: false, reason: 'links with credentials are not opened' };
  return { allowed: true, url: url.toString() };
}

export interface ExternalLinkDeps {
  /** Shows the URL and asks; resolves true only on an explicit yes. */
  confirm(url: string): Promise<boolean>;
  open(url: string): Promise<void>;
  log(message: string): void;
}

/** Opens `raw` if it is http(s) and the user agrees; returns whether it was opened. */
export async function openExternalLink(raw: string, deps: ExternalLinkDeps): Promise<boolean> {
  const d = externalLinkDecision(raw);
  if (!d.allowed) {
    deps.log(`external link refused (${d.reason}): ${raw.slice(0, 200)}`);
    return false;
  }
  if (!(await deps.confirm(d.url))) return false;
  await deps.open(d.url);
  return true;
}
