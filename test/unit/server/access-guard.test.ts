import { describe, expect, it } from 'vitest';
import { checkAccess, isHostAllowed, isOriginAllowed, tokenCookieName } from '../../../src-main/server/http/access-guard';

const policy = { token: 'T'.repeat(43), port: 4321 };

describe('browser-mode access guard', () => {
  it('accepts only our own Host names and port (DNS rebinding defence)', () => {
    expect(isHostAllowed('127.0.0.1:4321', policy)).toBe(true);
    expect(isHostAllowed('localhost:4321', policy)).toBe(true);
    expect(isHostAllowed('attacker.example:4321', policy)).toBe(false);
    expect(isHostAllowed('127.0.0.1:80', policy)).toBe(false);
    expect(isHostAllowed(undefined, policy)).toBe(false);
  });
  it('rejects a foreign Origin but allows requests without one', () => {
    expect(isOriginAllowed('http://127.0.0.1:4321', policy)).toBe(true);
    expect(isOriginAllowed('https://evil.example', policy)).toBe(false);
    expect(isOriginAllowed('null', policy)).toBe(false);
    expect(isOriginAllowed(undefined, policy)).toBe(true);
  });
  it('requires the token by header, cookie or query, and nothing else', () => {
    const host = '127.0.0.1:4321';
    expect(checkAccess({ host }, policy)).toMatchObject({ ok: false, status: 401 });
    expect(checkAccess({ host, headerToken: 'wrong' }, policy)).toMatchObject({ ok: false });
    expect(checkAccess({ host, headerToken: policy.token }, policy)).toEqual({ ok: true, viaQuery: false });
    expect(checkAccess({ host, cookie: `a=b; ${tokenCookieName(4321)}=${policy.token}` }, policy)).toEqual({ ok: true, viaQuery: false });
    expect(checkAccess({ host, cookie: `${tokenCookieName(9999)}=${policy.token}` }, policy)).toMatchObject({ ok: false });
    expect(checkAccess({ host, queryToken: policy.token }, policy)).toEqual({ ok: true, viaQuery: true });
    expect(checkAccess({ host: 'evil:4321', headerToken: policy.token }, policy)).toMatchObject({ ok: false, status: 403 });
    expect(checkAccess({ host, origin: 'https://evil.example', headerToken: policy.token }, policy)).toMatchObject({ ok: false, status: 403 });
  });
});
