// Help → Licences: Headroom's own licence, the attributions of the example data it bundles, and
// the licences of the third-party packages it ships, which the build gathers into
// out/licences/third-party.json (scripts/third-party-licences.mjs).
import fs from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import { ThirdPartyPackageSchema } from '../common/api-records';
import type { Licences } from '../common/contract';
import { appPaths, type AppPaths } from './paths';

export type LicencePaths = Pick<AppPaths, 'root' | 'examplesDir' | 'licencesDir'>;

const ThirdPartyFileSchema = z.object({ packages: z.array(ThirdPartyPackageSchema) });

/** The licences document; a file it needs that is missing or malformed is an error naming the file. */
export function readLicences(paths: LicencePaths = appPaths()): Licences {
  return {
    headroom: { licence: ownSpdx(paths.root), text: ownLicenceText(paths) },
    data: {
      attribution: readText(path.join(paths.examplesDir, 'ATTRIBUTION.md'), 'the example data\'s attributions'),
      licences: dataLicences(paths.examplesDir),
    },
    thirdParty: thirdParty(path.join(paths.licencesDir, 'third-party.json')),
  };
}

function ownSpdx(root: string): string {
  const file = path.join(root, 'package.json');
  const pkg = JSON.parse(readText(file, 'Headroom\'s package.json')) as { license?: unknown };
  if (typeof pkg.license !== 'string') throw new Error(`${file}: license: expected an SPDX expression`);
  return pkg.license;
}

/**
 * The repository's LICENSE, or the build's copy of it in out/licences/ (the installers ship out/,
 * not the repository's root files).
 */
function ownLicenceText(paths: LicencePaths): string {
  const candidates = [path.join(paths.root, 'LICENSE'), path.join(paths.licencesDir, 'LICENSE')];
  const found = candidates.find((f) => fs.existsSync(f));
  if (!found) throw new Error(`Headroom's licence is missing: neither ${candidates.join(' nor ')} exists; run \`npm run build\` to copy it into ${paths.licencesDir}`);
  return readText(found, 'Headroom\'s licence');
}

/** The full texts of the licences the attributions name: data/LICENSE-*.txt, by file name. */
function dataLicences(examplesDir: string): Licences['data']['licences'] {
  const dataDir = path.join(examplesDir, 'data');
  const names = fs.existsSync(dataDir) ? fs.readdirSync(dataDir).filter((f) => /^licen[cs]e.*\.txt$/i.test(f)).sort() : [];
  return names.map((f) => ({ file: `data/${f}`, text: readText(path.join(dataDir, f), 'a licence of the example data') }));
}

function thirdParty(file: string): Licences['thirdParty'] {
  if (!fs.existsSync(file)) throw new Error(`The third-party licences list ${file} is missing; run \`npm run build\` to write it`);
  let doc: unknown;
  try {
    doc = JSON.parse(readText(file, 'the third-party licences list'));
  } catch (error) {
    throw new Error(`${file} is not valid JSON (${(error as Error).message}); run \`npm run build\` to write it again`);
  }
  const parsed = ThirdPartyFileSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: ${issue.path.join('.') || '(document)'}: ${issue.message}; run \`npm run build\` to write it again`);
  }
  return parsed.data.packages;
}

/** A text file without its byte-order mark (the CC BY text has one) and with LF line ends. */
function readText(file: string, what: string): string {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`Could not read ${what} (${file}): ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}
