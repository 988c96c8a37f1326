// The build's list of shipped third-party packages and their licences
// (scripts/third-party-licences.mjs): on this repository's node_modules, the production
// dependencies and the bundled UI libraries with everything they pull in, and no build or test
// tool; on a small made-up tree, Node's lookup of nested copies and the licence-file spellings.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUNDLED_DEV_DEPENDENCIES, thirdPartyLicences, writeLicences } from '../../../scripts/third-party-licences.mjs';

const repo = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

describe('the third-party licences of this repository', () => {
  const list = thirdPartyLicences(repo);
  const names = list.map((p) => p.name);

  it('lists the production dependencies and the bundled UI libraries, with what they depend on', () => {
    expect(names).toEqual(expect.arrayContaining([
      'better-sqlite3', 'bindings', 'file-uri-to-path', 'zod',
      'react', 'react-dom', 'scheduler', 'zustand',
      'd3', 'd3-array', 'd3-scale', 'd3-shape', 'd3-delaunay', 'delaunator', 'robust-predicates', 'internmap',
    ]));
    expect(names.filter((n) => n.startsWith('d3-')).length).toBeGreaterThanOrEqual(25);
  });

  it('gives each its version, SPDX licence and licence text', () => {
    const ownVersion = (name: string) => (JSON.parse(fs.readFileSync(path.join(repo, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    for (const p of list) {
      expect(p.version, p.name).toMatch(/^\d+\.\d+\.\d+/);
      // An SPDX id or an expression of them, e.g. MIT, ISC, (MIT OR WTFPL).
      expect(p.licence, p.name).toMatch(/^\(?[A-Za-z0-9.+-]+( (OR|AND) [A-Za-z0-9.+-]+)*\)?$/);
      expect(p.licenceText?.trim().length ?? 0, p.name).toBeGreaterThan(100);
      expect(p.homepage ?? p.repository, p.name).toMatch(/^https?:\/\//);
    }
    const react = list.find((p) => p.name === 'react')!;
    expect(react).toMatchObject({ licence: 'MIT', version: ownVersion('react') });
    expect(react.licenceText).toContain('Meta Platforms');
    expect(list.find((p) => p.name === 'd3')).toMatchObject({ licence: 'ISC', version: ownVersion('d3') });
  });

  it('leaves out the packages only the build and the tests use', () => {
    for (const tool of ['vitest', 'typescript', '@playwright/test', 'playwright', 'electron', 'electron-builder', 'esbuild', 'vite', 'eslint', 'tsx', 'fast-check', '@types/react']) {
      expect(names, tool).not.toContain(tool);
    }
    // Every direct devDependency but the bundled ones is absent, unless something shipped needs it.
    const devOnly = Object.keys(manifest.devDependencies).filter((n) => !BUNDLED_DEV_DEPENDENCIES.includes(n) && !(n in manifest.dependencies));
    expect(names.filter((n) => devOnly.includes(n))).toEqual([]);
  });

  it('is sorted by name and the same on every run, to the byte once written', () => {
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(thirdPartyLicences(repo)).toEqual(list);
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-tpl-'));
    try {
      writeLicences(repo, path.join(out, 'a'));
      writeLicences(repo, path.join(out, 'b'));
      const first = fs.readFileSync(path.join(out, 'a', 'third-party.json'));
      expect(first.equals(fs.readFileSync(path.join(out, 'b', 'third-party.json')))).toBe(true);
      expect((JSON.parse(first.toString('utf8')) as { packages: unknown }).packages).toEqual(list);
      expect(fs.readFileSync(path.join(out, 'a', 'LICENSE'), 'utf8')).toBe(fs.readFileSync(path.join(repo, 'LICENSE'), 'utf8'));
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('the walk over a made-up tree', () => {
  let root = '';
  afterEach(() => {
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  /** A package folder with its package.json and the given files. */
  function put(dir: string, meta: Record<string, unknown>, files: Record<string, string> = {}): void {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(meta));
    for (const [f, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, f), text);
  }

  const SHAPED = ['react', 'react-dom', 'zustand', 'd3', '@dagrejs/dagre'];

  function tree(): string {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-tpl-tree-'));
    const nm = path.join(root, 'node_modules');
    // Every bundled package must be in the manifest; those the cases below do not shape are plain MIT.
    const plain = BUNDLED_DEV_DEPENDENCIES.filter((n) => !SHAPED.includes(n));
    put(root, { name: 'app', dependencies: { lib: '1' }, devDependencies: { ...Object.fromEntries(BUNDLED_DEV_DEPENDENCIES.map((n) => [n, '1'])), vitest: '1' } });
    for (const name of plain) put(path.join(nm, ...name.split('/')), { name, version: '1.0.0', license: 'MIT' });
    put(path.join(nm, 'lib'), { name: 'lib', version: '1.0.0', license: 'MIT', dependencies: { dep: '2' }, optionalDependencies: { absent: '1' } }, { 'LICENCE.md': '\uFEFFlib licence\r\n' });
    put(path.join(nm, 'lib', 'node_modules', 'dep'), { name: 'dep', version: '2.0.0', licenses: [{ type: 'MIT' }, { type: 'Apache-2.0' }] }, { 'LICENSE-MIT': 'mit', 'LICENSE-APACHE': 'apache' });
    put(path.join(nm, 'dep'), { name: 'dep', version: '1.0.0', license: { type: 'ISC' } }, { license: 'isc' });
    put(path.join(nm, 'react'), { name: 'react', version: '1.0.0', license: 'MIT', homepage: 'https://react.example' }, { LICENSE: 'react' });
    put(path.join(nm, 'react-dom'), { name: 'react-dom', version: '1.0.0', license: 'MIT', dependencies: { dep: '1' }, repository: 'git+https://github.com/x/react.git' });
    put(path.join(nm, 'zustand'), { name: 'zustand', version: '1.0.0', license: 'MIT', repository: 'pmndrs/zustand' }, { 'README.md': 'not a licence' });
    put(path.join(nm, 'd3'), { name: 'd3', version: '1.0.0', license: 'ISC' });
    put(path.join(nm, '@dagrejs', 'dagre'), { name: '@dagrejs/dagre', version: '1.0.0', license: 'MIT' }, { LICENSE: 'dagre' });
    put(path.join(nm, 'vitest'), { name: 'vitest', version: '1.0.0', license: 'MIT' });
    return root;
  }

  it('resolves nested copies as Node does, reads every spelling of a licence, and skips a missing optional dependency', () => {
    const list = thirdPartyLicences(tree());
    const shaped = ['@dagrejs/dagre@1.0.0 MIT', 'd3@1.0.0 ISC', 'dep@1.0.0 ISC', 'dep@2.0.0 (MIT OR Apache-2.0)', 'lib@1.0.0 MIT', 'react@1.0.0 MIT', 'react-dom@1.0.0 MIT', 'zustand@1.0.0 MIT'];
    expect(list.map((p) => `${p.name}@${p.version} ${p.licence}`).filter((x) => shaped.includes(x))).toEqual(shaped);
    expect(list.filter((p) => p.licence === 'MIT' && p.version === '1.0.0').map((p) => p.name)).toEqual(expect.arrayContaining(BUNDLED_DEV_DEPENDENCIES.filter((n) => !SHAPED.includes(n))));
    expect(list).toHaveLength(shaped.length + BUNDLED_DEV_DEPENDENCIES.length - SHAPED.length);
    const byKey = new Map(list.map((p) => [`${p.name}@${p.version}`, p]));
    expect(byKey.get('lib@1.0.0')!.licenceText).toBe('lib licence');
    expect(byKey.get('dep@1.0.0')!.licenceText).toBe('isc');
    expect(byKey.get('dep@2.0.0')!.licenceText).toBe('==> LICENSE-APACHE <==\n\napache\n\n==> LICENSE-MIT <==\n\nmit');
    expect(byKey.get('zustand@1.0.0')).toMatchObject({ licenceText: null, repository: 'https://github.com/pmndrs/zustand' });
    expect(byKey.get('react-dom@1.0.0')!.repository).toBe('https://github.com/x/react');
    expect(byKey.get('react@1.0.0')!.homepage).toBe('https://react.example');
  });

  it('refuses a dependency that is not installed, naming it and who needs it', () => {
    const dir = tree();
    fs.rmSync(path.join(dir, 'node_modules', 'dep'), { recursive: true });
    expect(() => thirdPartyLicences(dir)).toThrow('third-party licences: dep (needed by react-dom) is not installed in node_modules; run npm install');
  });
});
