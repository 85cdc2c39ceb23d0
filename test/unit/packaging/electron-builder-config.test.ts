// electron-builder cannot run here (no Electron binaries), so its configuration is checked against
// what it would package: a fresh `electron-vite build` (into a temporary folder, so a concurrently
// running e2e suite keeps its out/), the native modules in node_modules, resources/ and build/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');

interface BuilderConfig {
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  extraResources: { from: string; to: string }[];
  electronFuses: Record<string, boolean>;
  fileAssociations: { ext: string | string[]; name: string }[];
  linux: { target: string[]; icon: string };
  mac: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
  directories: { buildResources: string };
}

const config = load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string; dependencies: Record<string, string>; devDependencies: Record<string, string> };

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));
}

/** The folder a `pkg/**\/*` pattern starts from. */
function patternBase(pattern: string): string {
  return pattern.replace(/\/\*\*.*$/, '');
}

function pngSize(path: string): { width: number; height: number } {
  const b = readFileSync(path);
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe('electron-builder.yml', () => {
  let out = '';

  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'plrp-pack-'));
    out = join(dir, 'out');
    execFileSync(join(ROOT, 'node_modules/.bin/electron-vite'), ['build', '--outDir', out], { cwd: ROOT, stdio: 'pipe' });
  }, 120_000);

  afterAll(() => {
    if (out) rmSync(dirname(out), { recursive: true, force: true });
  });

  it('packages the main entry package.json names, and the files pattern covers the build output', () => {
    expect(pkg.main.startsWith('out/')).toBe(true);
    expect(existsSync(join(out, pkg.main.slice('out/'.length)))).toBe(true);
    expect(config.files).toContain('out/**/*');
    expect(config.files).toContain('package.json');
  });

  it('finds the preload script and the renderer page with every asset it links', () => {
    const main = readFileSync(join(out, 'main/index.js'), 'utf8');
    const preloads = [...main.matchAll(/preload\/([\w.-]+\.c?js)/g)].map((m) => m[1]);
    expect(preloads.length).toBeGreaterThan(0);
    for (const p of preloads) expect(existsSync(join(out, 'preload', p)), `preload/${p}`).toBe(true);
    const html = readFileSync(join(out, 'renderer/index.html'), 'utf8');
    const assets = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThan(0);
    for (const a of assets) expect(existsSync(join(out, 'renderer', a)), a).toBe(true);
    expect(html).not.toMatch(/(?:src|href)="https?:/);
  });

  it('ships every file the main bundle loads by a relative URL (e.g. the engine worker)', () => {
    const main = readFileSync(join(out, 'main/index.js'), 'utf8');
    const refs = [...main.matchAll(/new URL\("(\.{1,2}\/[^"]+)",\s*import\.meta\.url\)/g)].map((m) => m[1]);
    // resources/ is the one reference that leaves the bundle: in the app folder it resolves to the
    // project's resources/; packaged, it ships as extraResources and the main process points
    // PLRP_RESOURCES at process.resourcesPath (checked below).
    const missing = refs.filter((r) => (r === '../../resources' ? !existsSync(resolve(ROOT, 'out/main', r)) : !existsSync(resolve(out, 'main', r))));
    expect(missing, 'files the packaged main process would fail to load').toEqual([]);
    expect(refs).toContain('./worker-bootstrap.js');
    expect(existsSync(join(out, 'main/explain-worker.js')), 'the engine worker bundle').toBe(true);
    expect(main).toMatch(/PLRP_RESOURCES\s*=\s*resourcesDir/);
    expect(main).toContain('process.resourcesPath');
  });

  it('unpacks the native addons from the asar, and they are production dependencies with a .node binary', () => {
    expect(config.asar).toBe(true);
    for (const name of ['onnxruntime-node', 'better-sqlite3']) {
      const pattern = config.asarUnpack.find((p) => patternBase(p) === `node_modules/${name}`);
      expect(pattern, name).toBeDefined();
      expect(pkg.dependencies[name], `${name} in dependencies`).toBeDefined();
      expect(walk(join(ROOT, patternBase(pattern!))).some((f) => f.endsWith('.node')), `${name} has a .node file`).toBe(true);
    }
    for (const p of config.asarUnpack) expect(existsSync(join(ROOT, patternBase(p))), p).toBe(true);
    // The native PLRP kernels: packaged (the main bundle loads them by a relative URL) and unpacked.
    const kernels = 'native/ort-kernels/build/Release/plrp_ort_kernels.node';
    expect(config.files).toContain(kernels);
    expect(config.asarUnpack).toContain(kernels);
    expect(pkg.devDependencies.electron, 'electron must be a devDependency for electron-builder').toBeDefined();
  });

  it('copies resources/ (models, demo, JASPAR and its licence) next to the asar', () => {
    for (const r of config.extraResources) expect(statSync(join(ROOT, r.from)).isDirectory(), r.from).toBe(true);
    const res = config.extraResources.find((r) => r.from === 'resources');
    expect(res?.to).toBe('resources');
    for (const f of ['jaspar/LICENSE.txt', 'jaspar/JASPAR2024_CORE_vertebrates_non-redundant_pfms_transfac.txt']) {
      expect(existsSync(join(ROOT, 'resources', f)), f).toBe(true);
    }
    expect(readdirSync(join(ROOT, 'resources/models')).some((f) => f.endsWith('.onnx'))).toBe(true);
  });

  it('hardens the Electron fuses for release', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
    });
  });

  it('associates .fa, .fasta, .fa.gz and .onnx files with the app', () => {
    const exts = config.fileAssociations.flatMap((a) => (Array.isArray(a.ext) ? a.ext : [a.ext]));
    expect(exts).toEqual(expect.arrayContaining(['fa', 'fasta', 'fa.gz', 'onnx']));
  });

  it('targets AppImage and deb, dmg and nsis, with icons that exist at the sizes the platforms need', () => {
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.mac.target).toContain('dmg');
    expect(config.win.target).toContain('nsis');
    const linuxIcons = readdirSync(join(ROOT, config.linux.icon)).filter((f) => f.endsWith('.png'));
    expect(linuxIcons).toEqual(expect.arrayContaining(['256x256.png', '512x512.png']));
    for (const f of linuxIcons) {
      const [w, h] = f.replace('.png', '').split('x').map(Number);
      expect(pngSize(join(ROOT, config.linux.icon, f))).toEqual({ width: w, height: h });
    }
    // macOS .icns and Windows .ico are derived from one PNG of at least 512 (mac) / 256 (win) px.
    for (const icon of [config.mac.icon, config.win.icon]) expect(pngSize(join(ROOT, icon)).width).toBeGreaterThanOrEqual(512);
  });
});
