// The renderer's Content-Security-Policy (Electron security checklist, item 7). Everything the UI
// needs ships in the bundle, so nothing is fetched from elsewhere: scripts only from our own origin,
// no eval, no inline script, no remote connections. Inline *styles* are allowed because Svelte's
// transitions and style: directives set element styles at run time; they cannot run code.
export interface CspOptions {
  /** The Vite dev server's origin while developing (HMR needs it for scripts and its websocket). */
  devServer?: string;
}

export function contentSecurityPolicy(options: CspOptions = {}): string {
  const self = "'self'";
  const dev = options.devServer ? ` ${options.devServer} ${options.devServer.replace(/^http/, 'ws')}` : '';
  const directives: [string, string][] = [
    ['default-src', `'none'`],
    ['script-src', `${self}${options.devServer ? ` ${options.devServer}` : ''}`],
    ['style-src', `${self} 'unsafe-inline'`],
    ['img-src', `${self} data: blob:`],
    ['font-src', self],
    ['connect-src', `${self}${dev}`],
    ['worker-src', `${self} blob:`],
    ['base-uri', `'none'`],
    ['form-action', `'none'`],
    ['frame-ancestors', `'none'`],
    ['object-src', `'none'`],
  ];
  return directives.map(([k, v]) => `${k} ${v}`).join('; ');
}
