// Help → Licences (electron/backend/licences.ts): Headroom's MIT licence, the example data's
// CC BY 4.0 attribution with the licence's full text, and the third-party list the build writes,
// read from an app folder laid out as the installers ship it; a clear error when the list is
// missing or damaged.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readLicences, type LicencePaths } from '../../electron/backend/licences';
import { LicencesSchema } from '../../electron/common/api-records';
import type { ThirdPartyPackage } from '../../electron/common/contract';

const repo = path.resolve(__dirname, '../..');

const pkg = (name: string, licence: string | null): ThirdPartyPackage => ({
  name, version: '1.0.0', licence, homepage: null, repository: `https://example.org/${name}`, licenceText: licence && `${licence} licence of ${name}`,
});

let dir: string;
let paths: LicencePaths;

/** A temporary app folder with the repository's own LICENSE, package.json and example attributions. */
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-licences-'));
  paths = { root: dir, examplesDir: path.join(dir, 'assets', 'examples'), licencesDir: path.join(dir, 'out', 'licences') };
  fs.mkdirSync(path.join(paths.examplesDir, 'data'), { recursive: true });
  fs.mkdirSync(paths.licencesDir, { recursive: true });
  fs.copyFileSync(path.join(repo, 'LICENSE'), path.join(dir, 'LICENSE'));
  fs.copyFileSync(path.join(repo, 'package.json'), path.join(dir, 'package.json'));
  fs.copyFileSync(path.join(repo, 'assets/examples/ATTRIBUTION.md'), path.join(paths.examplesDir, 'ATTRIBUTION.md'));
  fs.copyFileSync(path.join(repo, 'assets/examples/data/LICENSE-CC-BY-4.0.txt'), path.join(paths.examplesDir, 'data', 'LICENSE-CC-BY-4.0.txt'));
  writeThirdParty({ packages: [pkg('react', 'MIT'), pkg('d3', 'ISC')] });
});

afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function writeThirdParty(doc: unknown): void {
  fs.writeFileSync(path.join(paths.licencesDir, 'third-party.json'), JSON.stringify(doc));
}

describe('the licences document', () => {
  it('has Headroom\'s MIT licence, the data\'s CC BY 4.0 attribution and its full text, and the third-party list as written', () => {
    const doc = readLicences(paths);
    expect(LicencesSchema.safeParse(doc).success).toBe(true);
    expect(doc.headroom.licence).toBe('MIT');
    expect(doc.headroom.text).toMatch(/^MIT License\n/);
    expect(doc.headroom.text).toContain('Permission is hereby granted, free of charge');

    expect(doc.data.attribution).toContain('Creative Commons Attribution 4.0 International (CC BY 4.0)');
    expect(doc.data.attribution).toContain('data/AzureLLMInferenceTrace_code.csv');
    expect(doc.data.licences.map((l) => l.file)).toEqual(['data/LICENSE-CC-BY-4.0.txt']);
    // The file starts with a byte-order mark, which is not text to show.
    expect(doc.data.licences[0]!.text).toMatch(/^Attribution 4\.0 International\n/);
    expect(doc.data.licences[0]!.text).toContain('Creative Commons Corporation');

    expect(doc.thirdParty.map((p) => `${p.name} ${p.licence}`)).toEqual(['react MIT', 'd3 ISC']);
    expect(doc.thirdParty[0]!.licenceText).toBe('MIT licence of react');
  });

  it('takes Headroom\'s licence from the build\'s copy where the root has none (as installed)', () => {
    fs.renameSync(path.join(dir, 'LICENSE'), path.join(paths.licencesDir, 'LICENSE'));
    expect(readLicences(paths).headroom.text).toMatch(/^MIT License\n/);
    fs.rmSync(path.join(paths.licencesDir, 'LICENSE'));
    expect(() => readLicences(paths)).toThrow(/Headroom's licence is missing: .*LICENSE.*npm run build/);
  });

  it('says which file is missing, and to run npm run build, when the third-party list was never built', () => {
    const file = path.join(paths.licencesDir, 'third-party.json');
    fs.rmSync(file);
    expect(() => readLicences(paths)).toThrow(`The third-party licences list ${file} is missing; run \`npm run build\` to write it`);
  });

  it('names the file and the field when the third-party list is damaged', () => {
    const file = path.join(paths.licencesDir, 'third-party.json');
    writeThirdParty({ packages: [{ ...pkg('react', 'MIT'), version: 19 }] });
    expect(() => readLicences(paths)).toThrow(`${file}: packages.0.version: `);
    fs.writeFileSync(file, '{"packages": [');
    expect(() => readLicences(paths)).toThrow(`${file} is not valid JSON`);
  });

  it('reads the real app folder once built (npm run build:node writes out/licences)', () => {
    const doc = readLicences({ root: repo, examplesDir: path.join(repo, 'assets', 'examples'), licencesDir: path.join(repo, 'out', 'licences') });
    expect(doc.thirdParty.map((p) => p.name)).toEqual(expect.arrayContaining(['react', 'zod', 'better-sqlite3']));
  });
});
