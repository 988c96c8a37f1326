// The names a scenario may not give for a file it reads (electron/backend/scenario-file-ref.ts),
// one list for every way in: the backend's save and import, and the `headroom` command. Each
// case says why it is refused; the folder cases first put links, a FIFO, a folder or a sparse
// file into the scenario's folder.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MAX_REFERENCED_FILE_BYTES } from '../electron/backend/traces/scenario-file-ref';

export interface FileRuleCase {
  what: string;
  value: string;
  reason: RegExp;
  /** Prepares the scenario's folder `dir` (links, FIFO, folder, size): judged by the file system, not the text. */
  setup?: (dir: string) => void;
  skip?: boolean;
}

export const mkfifo = (file: string) => spawnSync('mkfifo', [file]);

/** Whether a FIFO can be made here (tried, not assumed: the command may be missing or refused). */
export const hasMkfifo = (() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-mkfifo-probe-'));
  try {
    return mkfifo(path.join(dir, 'probe.fifo')).status === 0;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
})();

/** Names refused by their text alone. */
export const refusedByText: FileRuleCase[] = [
  { what: 'an absolute /etc/passwd', value: '/etc/passwd', reason: /is an absolute path; a scenario names only files in its own folder or below/ },
  { what: 'an absolute /proc/self/environ', value: '/proc/self/environ', reason: /is an absolute path/ },
  { what: '../../../../etc/passwd', value: '../../../../etc/passwd', reason: /leaves the scenario's folder \(\.\.\)/ },
  { what: 'a .. that leaves after going down', value: 'data/../../secret.csv', reason: /leaves the scenario's folder/ },
  { what: 'the device /dev/zero', value: '/dev/zero', reason: /is an absolute path/ },
  { what: 'a Windows drive path C:\\x.csv', value: 'C:\\x.csv', reason: /is an absolute path/ },
  { what: 'a UNC path \\\\server\\share\\x.csv', value: '\\\\server\\share\\x.csv', reason: /is an absolute path/ },
  { what: 'a Windows ..\\.. escape', value: '..\\..\\x.csv', reason: /leaves the scenario's folder/ },
];

/**
 * Names refused for what they lead to in the folder; `outsideFile` is a file outside it,
 * absolute or relative to the folder.
 */
export function refusedInFolder(outsideFile: string): FileRuleCase[] {
  return [
    { what: 'a link in the folder to a file outside', value: 'link.csv', reason: /is a link that leads out of the scenario's folder/, setup: (d) => fs.symlinkSync(path.resolve(d, outsideFile), path.join(d, 'link.csv')) },
    { what: 'a linked folder leading outside', value: `out/${path.basename(outsideFile)}`, reason: /is a link that leads out of the scenario's folder/, setup: (d) => fs.symlinkSync(path.dirname(path.resolve(d, outsideFile)), path.join(d, 'out')) },
    { what: 'a link in the folder to /dev/zero', value: 'zero.csv', reason: /is a link that leads out/, setup: (d) => fs.symlinkSync('/dev/zero', path.join(d, 'zero.csv')) },
    { what: `a FIFO${hasMkfifo ? '' : ' (skipped: mkfifo is missing)'}`, value: 'pipe.csv', reason: /is a FIFO \(named pipe\), not a regular file/, setup: (d) => mkfifo(path.join(d, 'pipe.csv')), skip: !hasMkfifo },
    { what: 'a folder', value: 'data', reason: /is a folder, not a regular file/, setup: (d) => fs.mkdirSync(path.join(d, 'data')) },
    { what: 'a file over the cap (sparse)', value: 'huge.csv', reason: /is larger than 256 MiB/, setup: (d) => { fs.writeFileSync(path.join(d, 'huge.csv'), ''); fs.truncateSync(path.join(d, 'huge.csv'), MAX_REFERENCED_FILE_BYTES + 1); } },
  ];
}
