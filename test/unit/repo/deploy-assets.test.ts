// assets/deploy/ (docs/scale-out.md): the container image, the Kubernetes Indexed Job and the
// Slurm array, checked without a registry or a cluster. The image's key properties are read
// from the Containerfile; the manifests are parsed as YAML; the Slurm script is run with stub
// `sbatch` and `headroom` commands, so the command a task runs is the one bash really builds,
// and it must equal the Kubernetes pod's (same subcommand, flags, shard count, parts folder).
// js-yaml is not a dependency of ours: electron-builder brings it, and this test borrows it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..', '..');
const deploy = path.join(root, 'assets', 'deploy');
const read = (name: string) => fs.readFileSync(path.join(deploy, name), 'utf8');

const yaml = createRequire(__filename)('js-yaml') as { loadAll(text: string): unknown[] };

// ---- Containerfile --------------------------------------------------------------------------

interface Instruction { op: string; args: string }
interface Stage { from: string; name: string | null; body: Instruction[] }

/** Instructions (continuation lines joined, comments dropped), grouped by FROM into stages. */
export function parseContainerfile(text: string): Stage[] {
  const logical: string[] = [];
  let pending = '';
  for (const raw of text.split(/\r?\n/)) {
    if (/^\s*#/.test(raw)) continue;
    const line = raw.trimEnd();
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)} `;
      continue;
    }
    const whole = (pending + line).trim();
    pending = '';
    if (whole !== '') logical.push(whole);
  }
  const stages: Stage[] = [];
  for (const l of logical) {
    const m = /^(\w+)\s+([\s\S]*)$/.exec(l);
    if (!m) throw new Error(`not an instruction: ${l}`);
    const op = (m[1] as string).toUpperCase();
    const args = (m[2] as string).trim().replace(/\s+/g, ' ');
    if (op === 'FROM') {
      const f = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args);
      if (!f) throw new Error(`FROM: ${args}`);
      stages.push({ from: f[1] as string, name: f[2] ?? null, body: [] });
    } else {
      const stage = stages.at(-1);
      if (!stage) throw new Error(`${op} before any FROM`);
      stage.body.push({ op, args });
    }
  }
  return stages;
}

/** The sources of a COPY (its last word is the destination; flags such as --from= are dropped). */
function copySources(args: string): { from: string | null; sources: string[] } {
  const words = args.split(/\s+/);
  const from = words.find((w) => w.startsWith('--from='))?.slice('--from='.length) ?? null;
  const plain = words.filter((w) => !w.startsWith('--'));
  return { from, sources: plain.slice(0, -1) };
}

describe('the Containerfile', () => {
  const stages = parseContainerfile(read('Containerfile'));
  const run = stages.at(-1) as Stage;

  it('parses into stages, and the parser is not fooled by comments and continuations', () => {
    const toy = parseContainerfile('# c\nFROM node:20 AS b\nRUN a \\\n  b\nFROM node:20-slim\n# USER root\nUSER node\n');
    expect(toy).toEqual([
      { from: 'node:20', name: 'b', body: [{ op: 'RUN', args: 'a b' }] },
      { from: 'node:20-slim', name: null, body: [{ op: 'USER', args: 'node' }] },
    ]);
    expect(stages.length).toBeGreaterThanOrEqual(1);
  });

  it('builds on Node 20 in every stage', () => {
    for (const s of stages) expect(s.from, s.from).toMatch(/^(docker\.io\/(library\/)?)?node:20(?:[.-][\w.-]*)?(?:@sha256:[0-9a-f]{64})?$/);
  });

  it('runs as a user other than root', () => {
    const users = run.body.filter((i) => i.op === 'USER').map((i) => i.args);
    expect(users.length, 'the run stage sets USER').toBeGreaterThan(0);
    const last = (users.at(-1) as string).split(':')[0];
    expect(['root', '0']).not.toContain(last);
    // Nothing after it switches back.
    const lastUser = run.body.map((i) => i.op).lastIndexOf('USER');
    const afterUser = run.body.slice(lastUser);
    expect(afterUser.filter((i) => i.op === 'RUN')).toEqual([]);
  });

  it('starts the CLI, which is on the PATH as `headroom` and points at the copied bin/headroom.cjs', () => {
    const entry = run.body.filter((i) => i.op === 'ENTRYPOINT').at(-1);
    expect(entry, 'an ENTRYPOINT').toBeDefined();
    expect(JSON.parse((entry as Instruction).args)).toEqual(['headroom']);
    const runs = run.body.filter((i) => i.op === 'RUN').map((i) => i.args).join('\n');
    const link = /ln -s (\S+) \/usr\/local\/bin\/headroom\b/.exec(runs);
    expect(link, 'a link to the CLI on the PATH').not.toBeNull();
    const workdir = run.body.filter((i) => i.op === 'WORKDIR' && i.args.startsWith('/')).at(0)?.args;
    expect(path.posix.relative(workdir ?? '/', (link as RegExpExecArray)[1] as string)).toBe('bin/headroom.cjs');
  });

  it('downloads and installs nothing in the run stage: no curl, wget, package manager or npm', () => {
    for (const i of run.body.filter((x) => x.op === 'RUN' || x.op === 'ADD')) {
      expect(i.op, i.args).toBe('RUN');
      expect(i.args).not.toMatch(/\b(curl|wget|apt-get|apt|apk|dnf|yum|npm|npx|yarn|pnpm)\b/);
    }
  });

  it('copies into the run stage the CLI bundle, its worker, the launcher and nothing from node_modules', () => {
    const copied = run.body.filter((i) => i.op === 'COPY').flatMap((i) => copySources(i.args).sources);
    for (const needed of ['/src/out/node/cli.cjs', '/src/out/node/worker.cjs', '/src/bin/headroom.cjs']) expect(copied).toContain(needed);
    expect(copied.filter((s) => s.includes('node_modules'))).toEqual([]);
  });

  it('copies from the build context only paths that exist and that .dockerignore keeps', () => {
    // What .dockerignore leaves out of the build context: a COPY of it would fail or copy nothing.
    const ignored = fs.readFileSync(path.join(root, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
    expect(ignored).toContain('node_modules');
    for (const s of stages) {
      for (const i of s.body.filter((x) => x.op === 'COPY')) {
        const { from, sources } = copySources(i.args);
        if (from !== null) continue;
        for (const src of sources) {
          expect(fs.existsSync(path.join(root, src)), `${src} (COPY ${i.args})`).toBe(true);
          expect(ignored.filter((p) => src === p || src.startsWith(`${p}/`)), `${src} is in .dockerignore`).toEqual([]);
        }
      }
    }
  });

  it('needs no node_modules at run time: the built bundles require Node built-ins only', () => {
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    for (const bundle of ['cli.cjs', 'worker.cjs']) {
      const file = path.join(root, 'out', 'node', bundle);
      expect(fs.existsSync(file), `${file}: build first (npm run build:node)`).toBe(true);
      const required = new Set([...fs.readFileSync(file, 'utf8').matchAll(/\brequire\(\s*"([^"]+)"\s*\)/g)].map((m) => m[1] as string));
      expect(required.size).toBeGreaterThan(0);
      expect([...required].filter((r) => !builtins.has(r) && !r.startsWith('.')), bundle).toEqual([]);
    }
  });
});

// ---- Kubernetes -----------------------------------------------------------------------------

type Obj = Record<string, unknown>;
const at = (v: unknown, ...keys: (string | number)[]): unknown => keys.reduce<unknown>((o, k) => (o as Obj | undefined)?.[k as string], v);

function k8sDocs(name: string): Obj[] {
  return yaml.loadAll(read(name)).filter((d): d is Obj => typeof d === 'object' && d !== null);
}

const sweepJob = k8sDocs('k8s-indexed-job.yaml').find((d) => d.kind === 'Job') as Obj;
const mergeJob = k8sDocs('k8s-merge-job.yaml').find((d) => d.kind === 'Job') as Obj;
const container = (job: Obj) => at(job, 'spec', 'template', 'spec', 'containers', 0) as Obj;

/** Where a path in a container lands: the volume mounted over it, or null. */
function volumeOf(job: Obj, file: string): Obj | null {
  const mounts = (container(job).volumeMounts ?? []) as { name: string; mountPath: string }[];
  const mount = mounts.find((m) => file.startsWith(`${m.mountPath.replace(/\/$/, '')}/`));
  const volumes = (at(job, 'spec', 'template', 'spec', 'volumes') ?? []) as Obj[];
  return mount ? (volumes.find((v) => v.name === mount.name) ?? null) : null;
}

function flagValue(argv: readonly string[], flag: string): string | undefined {
  const i = argv.indexOf(flag);
  return i >= 0 ? argv[i + 1] : undefined;
}

/** N of `--shard auto/N`. */
function autoShards(argv: readonly string[]): number {
  const m = /^auto\/(\d+)$/.exec(flagValue(argv, '--shard') ?? '');
  if (!m) throw new Error(`no --shard auto/N in ${argv.join(' ')}`);
  return Number(m[1]);
}

describe('the Kubernetes Indexed Job', () => {
  const spec = at(sweepJob, 'spec') as Obj;
  const args = container(sweepJob).args as string[];

  it('is an Indexed Job whose completions are the --shard auto/N count', () => {
    expect(spec.completionMode).toBe('Indexed');
    expect(spec.completions).toBe(autoShards(args));
    expect(spec.parallelism).toBeGreaterThanOrEqual(1);
    expect(spec.parallelism as number).toBeLessThanOrEqual(spec.completions as number);
    expect(at(spec, 'template', 'spec', 'restartPolicy')).toBe('Never');
  });

  it('names the index in --out through a variable Kubernetes expands: one declared in env, from the index annotation', () => {
    const out = flagValue(args, '--out') as string;
    expect(out).toMatch(/\$\(JOB_COMPLETION_INDEX\)/);
    const env = (container(sweepJob).env ?? []) as Obj[];
    for (const [, name] of args.join(' ').matchAll(/\$\((\w+)\)/g)) {
      const decl = env.find((e) => e.name === name);
      expect(decl, `${name} is declared in env`).toBeDefined();
    }
    expect(at(env.find((e) => e.name === 'JOB_COMPLETION_INDEX'), 'valueFrom', 'fieldRef', 'fieldPath')).toBe("metadata.annotations['batch.kubernetes.io/job-completion-index']");
    // No shell in between: the image's ENTRYPOINT (headroom) gets the args as they are.
    expect(container(sweepJob).command).toBeUndefined();
  });

  it('reads the scenario from the ConfigMap and writes its part to the claim the merge reads', () => {
    expect(at(volumeOf(sweepJob, args[1] as string), 'configMap', 'name')).toBeTruthy();
    const claim = at(volumeOf(sweepJob, flagValue(args, '--out') as string), 'persistentVolumeClaim', 'claimName');
    expect(claim).toBeTruthy();
    const mergeArgs = (container(mergeJob).args as string[]).join(' ');
    const input = /merge\s+(\S+)/.exec(mergeArgs)?.[1] as string;
    expect(at(volumeOf(mergeJob, input), 'persistentVolumeClaim', 'claimName')).toBe(claim);
    expect(container(mergeJob).image).toBe(container(sweepJob).image);
    // Pods on several nodes write to the claim at once.
    const pvc = k8sDocs('k8s-indexed-job.yaml').find((d) => d.kind === 'PersistentVolumeClaim' && at(d, 'metadata', 'name') === claim);
    expect(at(pvc, 'spec', 'accessModes')).toContain('ReadWriteMany');
  });

  it('runs as a user other than root, one thread per core requested', () => {
    expect(at(sweepJob, 'spec', 'template', 'spec', 'securityContext', 'runAsNonRoot')).toBe(true);
    expect(at(sweepJob, 'spec', 'template', 'spec', 'securityContext', 'runAsUser')).not.toBe(0);
    expect(Number(flagValue(args, '--threads'))).toBe(Number(at(container(sweepJob), 'resources', 'requests', 'cpu')));
  });
});

// ---- Slurm, run with stub commands ----------------------------------------------------------

interface SlurmRun { sbatchCalls: string[][]; headroomArgv: string[] | null; cwd: string }

const slurmDirs: string[] = [];
afterAll(() => { for (const d of slurmDirs) fs.rmSync(d, { recursive: true, force: true }); });

/** Runs slurm-array.sh in a temp folder with `sbatch` and `headroom` replaced by recorders. */
function runSlurm(env: Record<string, string>): SlurmRun {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-slurm-'));
  slurmDirs.push(cwd);
  const bin = path.join(cwd, 'stub-bin');
  fs.mkdirSync(bin);
  // One argument per line, a blank line after each call; --parsable prints "job id;cluster".
  fs.writeFileSync(path.join(bin, 'sbatch'), '#!/bin/bash\nfor a in "$@"; do printf \'%s\\n\' "$a"; done >> "$STUB_LOG"\necho >> "$STUB_LOG"\necho "4242;cluster1"\n', { mode: 0o755 });
  fs.writeFileSync(path.join(bin, 'headroom'), '#!/bin/bash\nfor a in "$@"; do printf \'%s\\n\' "$a"; done > "$STUB_ARGV"\n', { mode: 0o755 });
  fs.copyFileSync(path.join(deploy, 'slurm-array.sh'), path.join(cwd, 'slurm-array.sh'));
  const log = path.join(cwd, 'sbatch.log');
  const argvFile = path.join(cwd, 'headroom.argv');
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SLURM_') && k !== 'HEADROOM')) as NodeJS.ProcessEnv;
  execFileSync('bash', ['slurm-array.sh'], { cwd, env: { ...base, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`, STUB_LOG: log, STUB_ARGV: argvFile, ...env }, stdio: 'pipe' });
  const sbatchCalls = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n\n').filter((c) => c.trim() !== '').map((c) => c.split('\n').filter((l) => l !== '')) : [];
  const headroomArgv = fs.existsSync(argvFile) ? fs.readFileSync(argvFile, 'utf8').split('\n').filter((l) => l !== '') : null;
  return { sbatchCalls, headroomArgv, cwd };
}

/** The #SBATCH --array range: first, last and the throttle after %. */
function sbatchArray(script: string): { first: number; last: number; throttle: number | null } {
  const m = /^#SBATCH\s+--array=(\d+)-(\d+)(?:%(\d+))?\s*$/m.exec(script);
  if (!m) throw new Error('no #SBATCH --array=A-B line');
  return { first: Number(m[1]), last: Number(m[2]), throttle: m[3] ? Number(m[3]) : null };
}

/** A command line with the paths made relative (/parts/x → parts/x), as Slurm runs from the submit folder. */
const relative = (argv: readonly string[]) => argv.map((a) => a.replace(/^\//, ''));

describe.skipIf(process.platform === 'win32')('the Slurm array, run with stub sbatch and headroom', () => {
  const script = read('slurm-array.sh');

  it('has an array of 0 to N − 1, N the --shard auto/N count and the Indexed Job\'s completions, throttled as its parallelism', () => {
    const task = runSlurm({ SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_MIN: '0' });
    const n = autoShards(task.headroomArgv ?? []);
    expect(sbatchArray(script)).toEqual({ first: 0, last: n - 1, throttle: at(sweepJob, 'spec', 'parallelism') });
    expect(at(sweepJob, 'spec', 'completions')).toBe(n);
  });

  it('runs, in task i, exactly the pod\'s command with its index i: same subcommand, flags, shards and parts folder', () => {
    const task = runSlurm({ SLURM_ARRAY_TASK_ID: '7', SLURM_ARRAY_TASK_MIN: '0' });
    expect(task.sbatchCalls).toEqual([]);
    const pod = (container(sweepJob).args as string[]).map((a) => a.replace('$(JOB_COMPLETION_INDEX)', '7'));
    expect(task.headroomArgv).toEqual(relative(pod));
    expect(flagValue(task.headroomArgv ?? [], '--out')).toBe('parts/part-7.json');
  });

  it('submitted with bash, submits itself as the array and then the merge, after every task succeeded', () => {
    const submit = runSlurm({});
    expect(submit.headroomArgv).toBeNull();
    expect(submit.sbatchCalls).toHaveLength(2);
    expect(submit.sbatchCalls[0]).toEqual(['--parsable', 'slurm-array.sh']);
    const merge = submit.sbatchCalls[1] as string[];
    expect(merge).toContain('--dependency=afterok:4242');
    const wrap = merge.find((a) => a.startsWith('--wrap='))?.slice('--wrap='.length) ?? '';
    // The same merge as the Kubernetes merge Job's, in the submit folder.
    const k8sMerge = (container(mergeJob).args as string[]).join(' ').trim().split(/\s+/);
    expect(wrap.trim().split(/\s+/)).toEqual(relative(k8sMerge));
    // Slurm opens the tasks' logs before they run: their folder must exist.
    const logDir = /^#SBATCH\s+--output=(\S+)\/[^/]+$/m.exec(script)?.[1] as string;
    expect(fs.statSync(path.join(submit.cwd, logDir)).isDirectory()).toBe(true);
  });
});
