// Scenario files handed to the app by the system: on the command line of the first launch or of
// a second one (Windows, Linux: a double-click starts the app with the path), or by macOS's
// `open-file` event, which can fire before the app is ready. They are imported into the library
// as File → Import does, then the page opens what was imported and shows what was refused.
import fs from 'node:fs';
import path from 'node:path';

/** Scenario files are JSON (`*.headroom.json` is the associated name); a bundle is JSON too. */
export function isScenarioFileName(file: string): boolean {
  return /\.json$/i.test(file);
}

/**
 * The files among a launch's arguments: the existing `.json` paths after the executable (and,
 * for an unpackaged `electron .`, after the app folder); switches are never files.
 */
export function filesFromArgv(argv: readonly string[], cwd: string): string[] {
  const out: string[] = [];
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-') || !isScenarioFileName(arg)) continue;
    const file = path.resolve(cwd, arg);
    try {
      if (fs.statSync(file).isFile()) out.push(file);
    } catch {
      // not a file: an argument that only looks like one
    }
  }
  return [...new Set(out)];
}

/** Holds files given before the page can take them, and hands them over once it can. */
export class PendingOpens {
  private queue: string[] = [];
  private sink: ((files: string[]) => void) | null = null;

  add(files: readonly string[]): void {
    if (files.length === 0) return;
    if (this.sink) this.sink([...files]);
    else this.queue.push(...files);
  }

  /** From now on files go to `sink`; those held so far go at once. */
  ready(sink: (files: string[]) => void): void {
    this.sink = sink;
    const held = this.queue.splice(0);
    if (held.length > 0) sink(held);
  }
}
