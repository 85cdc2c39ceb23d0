// Who may talk to the browser-mode server. It binds 127.0.0.1, but that alone is not enough: any web
// page the user visits can send requests to localhost, and DNS rebinding can make an attacker's name
// resolve to 127.0.0.1. So (as Jupyter does) every request needs the random per-launch token, the
// Host header must name us (defeats rebinding), and a browser's Origin, when sent, must be us.
import { timingSafeEqual } from 'node:crypto';

export interface AccessPolicy {
  token: string;
  port: number;
  /** Extra host name the user bound with --host (its own risk, warned about at start). */
  extraHost?: string;
}

export function allowedHosts(p: AccessPolicy): string[] {
  const names = ['127.0.0.1', 'localhost', '[::1]'];
  if (p.extraHost) names.push(p.extraHost.includes(':') && !p.extraHost.startsWith('[') ? `[${p.extraHost}]` : p.extraHost);
  return names.map((n) => `${n}:${p.port}`);
}

export function isHostAllowed(host: string | undefined, p: AccessPolicy): boolean {
  return !!host && allowedHosts(p).includes(host.toLowerCase());
}

/** A missing Origin is a same-origin GET or a non-browser client; both still need the token. */
export function isOriginAllowed(origin: string | undefined, p: AccessPolicy): boolean {
  if (origin === undefined) return true;
  return allowedHosts(p).some((h) => origin.toLowerCase() === `http://${h}`);
}

export function tokenCookieName(port: number): string {
  // Cookies are shared across ports of one host; naming them by port keeps two servers apart.
  return `plrp_token_${port}`;
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** Constant-time comparison, so the token cannot be guessed byte by byte from response timing. */
export function tokenMatches(given: string | undefined | null, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface RequestCredentials {
  host?: string;
  origin?: string;
  cookie?: string;
  headerToken?: string;
  queryToken?: string | null;
}

export type AccessDecision = { ok: true; viaQuery: boolean } | { ok: false; status: 403 | 401; reason: string };

export function checkAccess(c: RequestCredentials, p: AccessPolicy): AccessDecision {
  if (!isHostAllowed(c.host, p)) return { ok: false, status: 403, reason: 'unexpected Host header' };
  if (!isOriginAllowed(c.origin, p)) return { ok: false, status: 403, reason: 'cross-origin request' };
  if (tokenMatches(c.headerToken, p.token) || tokenMatches(readCookie(c.cookie, tokenCookieName(p.port)), p.token)) {
    return { ok: true, viaQuery: false };
  }
  if (tokenMatches(c.queryToken, p.token)) return { ok: true, viaQuery: true };
  return { ok: false, status: 401, reason: 'missing or wrong access token; open the URL printed by `plrp serve`' };
}
