// The dependency direction of ARCHITECTURE.md is enforced by ESLint import zones; this proves
// the zones bite (and do not bite where imports are allowed).
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');
// The zones need no type information; the type-aware rules would refuse these virtual files
// (no tsconfig includes them), so they are off here.
const eslint = new ESLint({
  cwd: root,
  overrideConfig: {
    languageOptions: { parserOptions: { project: null } },
    rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off' },
  },
});

async function restricted(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => /no-restricted/.test(m.ruleId ?? '')).map((m) => m.ruleId as string);
}

describe('lint import zones', () => {
  it.each([
    ['simulation/x.ts', "import fs from 'node:fs';\nexport const a = fs;"],
    ['simulation/x.ts', "import fs from 'fs';\nexport const a = fs;"],
    ['simulation/x.ts', "import { openLibrary } from '../db';\nexport const a = openLibrary;"],
    ['simulation/x.ts', "import type { HeadroomApi } from '../electron/common/contract';\nexport type A = HeadroomApi;"],
    ['simulation/x.ts', 'export const a = Math.random();'],
    ['simulation/x.ts', 'export const a = Date.now();'],
    ['simulation/x.ts', 'export const a = performance.now();'],
    ['simulation/result/x.ts', "import type { ClusterSpec } from '../scenario/schema';\nexport type A = ClusterSpec;"],
    ['simulation/result/x.ts', "import fs from 'node:fs';\nexport const a = fs;"],
    ['renderer/x.ts', "import { formatPath } from '../simulation/scenario/rules';\nexport const a = formatPath;"],
    ['electron/backend/x.ts', "import { distMean } from '../../simulation/random/dist-mean';\nexport const a = distMean;"],
    ['electron/cli/x.ts', "import type { SolveResult } from '../../simulation/serving/solve';\nexport type A = SolveResult;"],
    ['scripts/x.ts', "import { scenarioJsonSchema } from '../simulation/scenario/json-schema';\nexport const a = scenarioJsonSchema;"],
    ['renderer/x.ts', "import { openLibrary } from '../db';\nexport const a = openLibrary;"],
    ['renderer/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;"],
    ['renderer/x.ts', "import { Backend } from '../electron/backend/backend';\nexport const a = Backend;"],
    ['renderer/x.ts', "import { API_METHODS } from '../electron/common/contract';\nexport const a = API_METHODS;"],
    ['db/x.ts', "import { Backend } from '../electron/backend/backend';\nexport const a = Backend;"],
    ['db/x.ts', "import { runReplication } from '../simulation';\nexport const a = runReplication;"],
    ['electron/backend/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['electron/cli/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['renderer/charts/x.ts', "import { useAppStore } from '../store';\nexport const a = useAppStore;"],
    ['renderer/charts/cluster/x.ts', "import { useAppStore } from '../../store/index';\nexport const a = useAppStore;"],
    ['renderer/charts/x.ts', "import { api } from '../api';\nexport const a = api;"],
    ['renderer/charts/x.ts', "import type { ResultDocument } from '../../electron/common/contract';\nexport type A = ResultDocument;"],
    ['electron/backend/report/x.ts', "import { useAppStore } from '../../../renderer/store';\nexport const a = useAppStore;"],
    ['electron/backend/report/x.ts', "import { RunResult } from '../../../renderer/results/RunResult';\nexport const a = RunResult;"],
    ['electron/backend/x.ts', "import { LatencyFigure } from '../../renderer/charts/LatencyFigure';\nexport const a = LatencyFigure;"],
    ['electron/backend/report/x.ts', "import { theme } from '../../../renderer/styles/theme';\nexport const a = theme;"],
  ])('%s rejects: %s', async (file, code) => {
    expect(await restricted(file, code)).not.toHaveLength(0);
  });

  it.each([
    ['renderer/x.ts', "import type { HeadroomApi } from '../electron/common/contract';\nexport type A = HeadroomApi;"],
    ['renderer/x.ts', "import { parseScenarioText } from '../simulation';\nexport const a = parseScenarioText;"],
    ['db/x.ts', "import type { Scenario } from '../simulation';\nexport type A = Scenario;"],
    ['simulation/result/x.ts', "import type { MaybeStat } from './stat';\nexport type A = MaybeStat;"],
    ['renderer/x.ts', "import { MAX_FACTORS } from '../electron/common/limits';\nexport const a = MAX_FACTORS;"],
    ['renderer/x.ts', "import { formatPath } from '../simulation';\nexport const a = formatPath;"],
    ['renderer/x.ts', "import { EN_US } from '../simulation/present';\nexport const a = EN_US;"],
    ['electron/main/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['electron/backend/x.ts', "import { openLibrary } from '../../db';\nexport const a = openLibrary;"],
    ['electron/backend/report/x.ts', "import { LatencyFigure } from '../../../renderer/charts/LatencyFigure';\nexport const a = LatencyFigure;"],
    ['electron/backend/report/x.ts', "import css from '../../../renderer/styles/charts.css?raw';\nexport const a = css;"],
    ['renderer/charts/x.ts', "import { formatMs } from '../format/numbers';\nexport const a = formatMs;"],
    ['renderer/charts/x.ts', "import type { ServiceResult } from '../../simulation';\nexport type A = ServiceResult;"],
  ])('%s allows: %s', async (file, code) => {
    expect(await restricted(file, code)).toEqual([]);
  });
});
