// Types of scripts/third-party-licences.mjs, for the tests that import it.
export interface ThirdPartyPackage {
  name: string;
  version: string;
  /** The SPDX expression from its package.json, or null if it declares none. */
  licence: string | null;
  homepage: string | null;
  repository: string | null;
  /** Its licence file's text (LICENSE, LICENCE.md, …), or null if it ships none. */
  licenceText: string | null;
}

export const BUNDLED_DEV_DEPENDENCIES: readonly string[];
export function thirdPartyLicences(root?: string): ThirdPartyPackage[];
export function writeLicences(root?: string, outDir?: string): string;
