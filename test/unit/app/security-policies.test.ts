import { describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../../../src-main/app/security/csp';
import { decideWindowOpen, isNavigationAllowed } from '../../../src-main/app/security/navigation-policy';
import { externalLinkDecision, openExternalLink } from '../../../src-main/app/security/external-link';
import { decidePermission } from '../../../src-main/app/security/permission-policy';
import { guardIpcMessage } from '../../../src-main/app/security/ipc-guard';

const appFrame = { frameUrl: 'app://studio/index.html', isMainFrame: true };
const token = { kind: 'token', token: 'abcdefghijklmnopqrstuvwx' };

describe('navigation and new windows', () => {
  it('allows only the app origin (and the dev server while developing)', () => {
    expect(isNavigationAllowed('app://studio/index.html')).toBe(true);
    expect(isNavigationAllowed('https://evil.example/')).toBe(false);
    expect(isNavigationAllowed('file:///etc/passwd')).toBe(false);
    expect(isNavigationAllowed('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isNavigationAllowed('not a url')).toBe(false);
  });
  it('denies every new window and hands only http(s) links on for the system browser', () => {
    expect(decideWindowOpen('https://jaspar.elixir.no/')).toEqual({ action: 'deny', external: 'https://jaspar.elixir.no/' });
    expect(decideWindowOpen('file:///etc/passwd')).toEqual({ action: 'deny', external: null });
    expect(decideWindowOpen('javascript:alert(1)')).toEqual({ action: 'deny', external: null });
  });
});

describe('external links', () => {
  it('refuses non-http(s) protocols and links with credentials', () => {
    expect(externalLinkDecision('smb://host/share').allowed).toBe(false);
    expect(externalLinkDecision('https://user:pw@example.org/').allowed).toBe(false);
    expect(externalLinkDecision('http://example.org/a?b=c').allowed).toBe(true);
  });
  it('opens only after the user confirms', async () => {
    const open = vi.fn(async () => undefined);
    expect(await openExternalLink('https://example.org/', { confirm: async () => false, open, log: () => undefined })).toBe(false);
    expect(open).not.toHaveBeenCalled();
    expect(await openExternalLink('https://example.org/', { confirm: async () => true, open, log: () => undefined })).toBe(true);
    expect(open).toHaveBeenCalledWith('https://example.org/');
  });
  it('logs and never asks about a refused link', async () => {
    const confirm = vi.fn(async () => true);
    const log = vi.fn();
    expect(await openExternalLink('file:///etc/passwd', { confirm, open: async () => undefined, log })).toBe(false);
    expect(confirm).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledOnce();
  });
});

describe('permissions and CSP', () => {
  it('denies every permission request and logs it', () => {
    const log = vi.fn();
    expect(decidePermission('media', 'app://studio', log)).toBe(false);
    expect(log.mock.calls[0][0]).toContain('media');
  });
  it('allows no remote script, no eval and no framing', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy({ devServer: 'http://localhost:5173' })).toContain('ws://localhost:5173');
  });
});

describe('IPC guard', () => {
  it('passes a well-formed message from the app frame, with defaults filled in', () => {
    const r = guardIpcMessage('runs:start', appFrame, { model: token, fasta: token, explanations: [{ id: 'lrp' }] }, () => undefined);
    expect(r.ok).toBe(true);
    if (r.ok && r.channel === 'runs:start') expect((r.request as { explanations: { composite: string }[] }).explanations[0].composite).toBe('epsilon-plus');
  });
  it('rejects and logs a message from an unknown or child frame', () => {
    const log = vi.fn();
    expect(guardIpcMessage('runs:list', { frameUrl: 'https://evil.example/', isMainFrame: true }, {}, log)).toMatchObject({ ok: false, error: { code: 'USAGE' } });
    expect(guardIpcMessage('runs:list', { frameUrl: 'app://studio/index.html', isMainFrame: false }, {}, log).ok).toBe(false);
    expect(log).toHaveBeenCalledTimes(2);
  });
  it('rejects unknown channels and wrong shapes, including a path where a token belongs', () => {
    const log = vi.fn();
    expect(guardIpcMessage('fs:read', appFrame, {}, log).ok).toBe(false);
    const r = guardIpcMessage('runs:start', appFrame, { model: { kind: 'path', path: '/etc/passwd' }, fasta: token, explanations: [{ id: 'x' }] }, log);
    expect(r).toMatchObject({ ok: false, error: { code: 'USAGE' } });
    expect(guardIpcMessage('runs:trackSlice', appFrame, { runId: 'r', sequenceIndex: 0, explanationId: 'e', startBp: 0, endBp: 1e9, bpPerBin: 1 }, log).ok).toBe(false);
  });
});
