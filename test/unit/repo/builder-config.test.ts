// The installers' configuration (electron-builder.json, docs/release.md), checked without
// building an installer (that needs internet): it passes electron-builder's own schema check,
// and its `files` patterns, run through electron-builder's matching rules over the built tree
// (`npm run build` first), ship every file the app reads at run time and nothing else.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as MinimatchModule from 'minimatch';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { appPaths } from '../../../electron/backend/paths';

const root = path.resolve(__dirname, '..', '..', '..');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));

interface FileAssociation { ext: string | string[]; name?: string; role?: string; mimeType?: string }
interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { output?: string; buildResources: string };
  icon: string;
  files: string[];
  extraMetadata: { main: string };
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  fileAssociations: FileAssociation[];
  electronFuses: Record<string, boolean>;
  linux: { target: string[] };
  mac: { target: string[] };
  win: { target: string[] };
}
const config = readJson('electron-builder.json') as BuilderConfig;
const pkg = readJson('package.json') as { main: string; scripts: Record<string, string> };

// electron-builder's own modules, as it resolves them (minimatch is the matcher it uses).
const builderRequire = createRequire(createRequire(__filename).resolve('app-builder-lib/package.json'));
const { Minimatch } = builderRequire('minimatch') as typeof MinimatchModule;
const { validateConfiguration } = builderRequire('./out/util/config/config') as { validateConfiguration: (c: unknown, logger: unknown) => Promise<void> };
const { DebugLogger } = builderRequire('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

/** electron-builder's rule (util/filter.ts): patterns in order, a later `!pattern` excludes, a later pattern re-includes. */
function matchesAll(rel: string, patterns: string[]): boolean {
  let match = false;
  for (const p of patterns.map((s) => new Minimatch(s, { dot: true }))) {
    if (match !== p.negate) continue;
    match = p.match(rel);
  }
  return match;
}
const shipped = (rel: string) => matchesAll(rel, config.files);
// Dependencies in node_modules are copied whole, less the `files` exclusions (fileMatcher.ts).
const shippedModuleFile = (rel: string) => matchesAll(rel, ['**/*', ...config.files.filter((p) => p.startsWith('!'))]);

/** Every file below `dir` (relative to the root, with `/`), skipping dependencies and VCS data. */
function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${e.name}` : e.name;
    if (['node_modules', '.git', 'dist', 'test-results', 'playwright-report'].includes(rel)) continue;
    if (e.isDirectory()) out.push(...walk(rel));
    else if (e.isFile()) out.push(rel);
  }
  return out;
}

const rel = (abs: string) => path.relative(root, abs).split(path.sep).join('/');

/** Reads width and height from a PNG's IHDR chunk (the first chunk, right after the signature). */
function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  expect(b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), `${file} has the PNG signature`).toBe(true);
  expect(b.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe('electron-builder.json', () => {
  it('passes the schema check of the installed electron-builder', async () => {
    await expect(validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined();
    // …and that check does reject a misspelt key, so passing it means something.
    await expect(validateConfiguration({ ...structuredClone(config), electronFuses: { runAsnode: false } }, new DebugLogger(false))).rejects.toThrow(/electronFuses/);
  });

  it('names the app and builds AppImage + deb, dmg and nsis', () => {
    expect(config.appId).toBe('dev.headroom.app');
    expect(config.productName).toBe('Headroom');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
  });

  it('packs the app into an asar with better-sqlite3 (and its .node) outside it, rebuilt for Electron', () => {
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(true);
    const unpacked = (p: string) => config.asarUnpack.some((pattern) => new Minimatch(pattern, { dot: true }).match(p));
    expect(unpacked('node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(true);
    expect(unpacked('node_modules/better-sqlite3/lib/database.js')).toBe(true);
    expect(unpacked('out/main/index.cjs')).toBe(false);
    // What the packaged library needs stays; its C sources (rebuilt before copying) do not ship.
    expect(shippedModuleFile('node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(true);
    expect(shippedModuleFile('node_modules/better-sqlite3/lib/database.js')).toBe(true);
    expect(shippedModuleFile('node_modules/better-sqlite3/deps/sqlite3/sqlite3.c')).toBe(false);
  });

  it('sets every fuse', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      // The renderer is served from app://headroom/, never file://.
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('starts the main bundle `npm run build` writes', () => {
    expect(config.extraMetadata.main).toBe(pkg.main);
    expect(fs.existsSync(path.join(root, config.extraMetadata.main)), `${config.extraMetadata.main} (run npm run build)`).toBe(true);
    expect(shipped(config.extraMetadata.main)).toBe(true);
  });

  it('ships every file the app reads at run time', () => {
    const paths = appPaths();
    expect(paths.root).toBe(root);
    // Help → Documentation opens docs/README.md, which links the README and the other pages.
    const runtime: string[] = ['package.json', 'LICENSE', config.extraMetadata.main, 'out/preload/index.cjs', 'assets/scenario.schema.json', 'assets/icon.png', 'README.md', 'docs/README.md', 'docs/security.md'];
    for (const [key, abs] of Object.entries(paths)) {
      if (key === 'root') continue;
      expect(fs.existsSync(abs), `${key}: ${rel(abs)} exists (run npm run build)`).toBe(true);
      if (fs.statSync(abs).isDirectory()) runtime.push(...walk(rel(abs)).filter((f) => !f.endsWith('.map')));
      else runtime.push(rel(abs));
    }
    expect(runtime).toContain('out/node/worker.cjs');
    expect(runtime).toContain('out/renderer/index.html');
    expect(runtime).toContain('assets/examples/ATTRIBUTION.md');
    expect(runtime.filter((f) => /^assets\/examples\/data\/LICENSE/.test(f)).length).toBeGreaterThan(0);
    for (const f of runtime) expect(shipped(f), `${f} is shipped`).toBe(true);
  });

  it('every pattern it lists names something that exists after the build', () => {
    for (const pattern of config.files.filter((p) => !p.startsWith('!'))) {
      const segs = pattern.split('/');
      const firstGlob = segs.findIndex((s) => /[*?{[]/.test(s));
      const base = (firstGlob === -1 ? segs : segs.slice(0, firstGlob)).join('/');
      expect(base.length, pattern).toBeGreaterThan(0);
      expect(fs.existsSync(path.join(root, base)), `${pattern}: ${base} exists`).toBe(true);
    }
  });

  it('ships nothing else: no source maps, tests, sources or other bundles', () => {
    const everything = walk('');
    const extra = everything.filter(shipped).filter((f) => !/^(package\.json|LICENSE|README\.md|docs\/[^/]+\.md|out\/(main|preload|renderer|licences)\/.*|out\/node\/worker\.cjs|assets\/(examples\/.*|scenario\.schema\.json|icon\.png))$/.test(f));
    expect(extra).toEqual([]);
    const maps = everything.filter((f) => f.startsWith('out/') && f.endsWith('.map'));
    expect(maps.length, 'the build writes source maps (else this proves nothing)').toBeGreaterThan(0);
    for (const f of maps) expect(shipped(f), f).toBe(false);
    for (const f of ['out/node/cli.cjs', 'out/node/web.cjs', 'electron/main/index.ts', 'renderer/main.tsx', 'test/unit/repo/builder-config.test.ts', 'assets/build/icon.png', 'assets/icon.svg']) expect(shipped(f), f).toBe(false);
    for (const f of ['out/renderer/assets/x.test.js', 'out/main/__tests__/a.cjs', 'assets/examples/tests/a.json', 'out/renderer/assets/y.spec.mjs']) expect(shipped(f), f).toBe(false);
  });

  it('associates .headroom.json scenario files with the app', () => {
    expect(config.fileAssociations).toEqual([
      expect.objectContaining({ ext: 'headroom.json', name: 'Headroom scenario', role: 'Editor', mimeType: 'application/x-headroom-scenario+json' }),
    ]);
  });

  it('has a square PNG icon of at least 512 px, and the 256 px window icon', () => {
    expect(config.directories.buildResources).toBe('assets/build');
    expect(config.icon).toBe('assets/build/icon.png');
    const icon = path.join(root, config.icon);
    const { width, height } = pngSize(icon);
    expect(width).toBeGreaterThanOrEqual(512);
    expect(height).toBe(width);
    const decoded = PNG.sync.read(fs.readFileSync(icon));
    expect([decoded.width, decoded.height]).toEqual([width, height]);
    expect(pngSize(path.join(root, 'assets', 'icon.png'))).toEqual({ width: 256, height: 256 });
  });

  it('is what `npm run dist` uses, through the preflight', () => {
    expect(pkg.scripts.dist).toBe('node scripts/dist.mjs');
    expect(fs.readFileSync(path.join(root, 'scripts', 'dist.mjs'), 'utf8')).toContain("const CONFIG = 'electron-builder.json';");
    expect(fs.existsSync(path.join(root, 'electron-builder.yml')), 'no second, stale config').toBe(false);
  });
});
