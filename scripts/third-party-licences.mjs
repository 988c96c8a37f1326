// The licences of the third-party packages Headroom ships, gathered at build time into
// out/licences/third-party.json (beside a copy of Headroom's own LICENSE) for Help → Licences
// (electron/backend/licences.ts). What ships: the production `dependencies` (installed with the
// app) and the devDependencies that Vite and esbuild bundle into the renderer and the Node
// bundles; each followed through its own `dependencies` as Node resolves them. No dates and
// sorted output, so a rebuild of the same tree writes the same bytes.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** devDependencies that are bundled into what ships (the rest are build and test tools). */
export const BUNDLED_DEV_DEPENDENCIES = ['react', 'react-dom', 'zustand', 'd3', '@dagrejs/dagre', '@codemirror/state', '@codemirror/view', '@codemirror/commands', '@codemirror/language', '@codemirror/lang-json', '@codemirror/lint', 'jsonc-parser', '@lezer/highlight', 'style-mod'];

// LICENSE, LICENCE, LICENSE.md, license.txt, LICENSE-MIT, …
const LICENCE_FILE = /^licen[cs]e(?:[.-][\w.-]*)?$/i;

/**
 * Every package in the shipped dependency closure of the project at `root`, sorted by name then
 * version: { name, version, licence (SPDX, or null), homepage, repository, licenceText (or null) }.
 */
export function thirdPartyLicences(root = REPO_ROOT) {
  const pkg = readJson(path.join(root, 'package.json'));
  const dev = pkg.devDependencies ?? {};
  for (const name of BUNDLED_DEV_DEPENDENCIES) {
    if (!(name in dev) && !(name in (pkg.dependencies ?? {}))) throw new Error(`third-party licences: ${name} is listed as bundled but is not in package.json`);
  }
  const roots = [...Object.keys(pkg.dependencies ?? {}), ...BUNDLED_DEV_DEPENDENCIES.filter((n) => n in dev)];

  const found = new Map(); // package dir → entry
  const queue = roots.map((name) => ({ name, from: root, optional: false, by: 'package.json' }));
  while (queue.length > 0) {
    const { name, from, optional, by } = queue.shift();
    const dir = resolvePackageDir(name, from, root);
    if (!dir) {
      if (optional) continue;
      throw new Error(`third-party licences: ${name} (needed by ${by}) is not installed in node_modules; run npm install`);
    }
    if (found.has(dir)) continue;
    const meta = readJson(path.join(dir, 'package.json'));
    found.set(dir, entryOf(meta, dir));
    for (const dep of Object.keys(meta.dependencies ?? {})) queue.push({ name: dep, from: dir, optional: false, by: meta.name });
    for (const dep of Object.keys(meta.optionalDependencies ?? {})) queue.push({ name: dep, from: dir, optional: true, by: meta.name });
  }
  // The same name@version installed twice (nested copies) is listed once.
  const unique = new Map([...found.values()].map((e) => [`${e.name}@${e.version}`, e]));
  return [...unique.values()].sort((a, b) => compare(a.name, b.name) || compare(a.version, b.version));
}

/**
 * Writes out/licences/ under `root` (or `outDir`): third-party.json, the list above, and LICENSE,
 * a copy of Headroom's own licence, because the installers ship out/ but not the repository's
 * root files. Returns the folder.
 */
export function writeLicences(root = REPO_ROOT, outDir = path.join(root, 'out', 'licences')) {
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'third-party.json'), `${JSON.stringify({ packages: thirdPartyLicences(root) }, null, 2)}\n`);
  fs.copyFileSync(path.join(root, 'LICENSE'), path.join(outDir, 'LICENSE'));
  return outDir;
}

/** Node's lookup: node_modules/<name> in `from`, then in each parent folder up to `root`. */
function resolvePackageDir(name, from, root) {
  let dir = from;
  for (;;) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return fs.realpathSync(candidate);
    if (path.resolve(dir) === path.resolve(root)) return null;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

function entryOf(meta, dir) {
  return {
    name: meta.name,
    version: meta.version,
    licence: spdx(meta),
    homepage: typeof meta.homepage === 'string' ? meta.homepage : null,
    repository: repositoryUrl(meta.repository),
    licenceText: licenceText(dir),
  };
}

/** The SPDX expression; old packages spell it `license: { type }` or `licenses: [{ type }]`. */
function spdx(meta) {
  const one = (l) => (typeof l === 'string' ? l : typeof l?.type === 'string' ? l.type : null);
  if (meta.license !== undefined) return one(meta.license);
  if (Array.isArray(meta.licenses)) {
    const types = meta.licenses.map(one).filter((t) => t !== null);
    return types.length === 0 ? null : types.length === 1 ? types[0] : `(${types.join(' OR ')})`;
  }
  return null;
}

function repositoryUrl(repo) {
  const url = typeof repo === 'string' ? repo : typeof repo?.url === 'string' ? repo.url : null;
  if (url === null) return null;
  if (/^[\w.-]+\/[\w.-]+$/.test(url)) return `https://github.com/${url}`; // npm's "owner/name" shorthand
  return url.replace(/^git\+/, '').replace(/^git:\/\//, 'https://').replace(/^ssh:\/\/git@/, 'https://').replace(/\.git$/, '');
}

/** The licence file's text (several, e.g. LICENSE-MIT and LICENSE-APACHE, joined under their names), or null. */
function licenceText(dir) {
  const files = fs.readdirSync(dir).filter((f) => LICENCE_FILE.test(f) && fs.statSync(path.join(dir, f)).isFile()).sort(compare);
  if (files.length === 0) return null;
  const read = (f) => fs.readFileSync(path.join(dir, f), 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').trimEnd();
  if (files.length === 1) return read(files[0]);
  return files.map((f) => `==> ${f} <==\n\n${read(f)}`).join('\n\n');
}

/** Code-unit order, not the locale's, so the output does not depend on the machine. */
function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}
