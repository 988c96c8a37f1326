// The built `headroom` command (bin/headroom.cjs) in a child process, without blocking the test:
// tests start several at once (Promise.all, concurrent tests) or one beside the app's own run.
// At most two run at a time per test file: the machine has 2 cores, and each spawn is mostly
// Node starting up, which is CPU-bound.
import { execFile } from 'node:child_process';
import path from 'node:path';

export const CLI = path.resolve(__dirname, '..', '..', 'bin', 'headroom.cjs');

export interface CliResult {
  /** The exit code, null when a signal ended it (as spawnSync's `status`). */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall-clock milliseconds from the spawn to the exit. */
  ms: number;
}

export interface CliOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Kills it (SIGTERM) after this many milliseconds: `signal` says so. */
  timeout?: number;
}

const MAX_RUNNING = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function slot(): Promise<() => void> {
  if (running >= MAX_RUNNING) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

export async function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  const release = await slot();
  const started = Date.now();
  try {
    return await new Promise<CliResult>((resolve) => {
      execFile(process.execPath, [CLI, ...args], {
        encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, cwd: options.cwd, env: options.env ?? process.env, timeout: options.timeout,
      }, (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
        resolve({ code, signal: (error?.signal as NodeJS.Signals | undefined) ?? null, stdout, stderr, ms: Date.now() - started });
      });
    });
  } finally {
    release();
  }
}
