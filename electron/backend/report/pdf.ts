// PDF reports: the HTML report printed by a headless Chromium or Chrome (print-to-PDF). The
// desktop app prints the same HTML with Electron's printToPDF instead; this module is for the
// command line and the browser preview's backend, and knows nothing about the report's content.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const PDF_UNAVAILABLE = 'PDF reports need Chromium or Chrome (set HEADROOM_CHROMIUM), or the desktop app; write .html and print it';

export class PdfError extends Error {
  constructor(message: string, readonly reason: 'unavailable' | 'failed') {
    super(message);
  }
}

/** Where Chromium or Chrome usually lives, after HEADROOM_CHROMIUM. */
export function chromiumCandidates(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string[] {
  const out: string[] = [];
  if (env.HEADROOM_CHROMIUM) out.push(env.HEADROOM_CHROMIUM);
  if (platform === 'darwin') {
    out.push(
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      path.join(os.homedir(), 'Applications/Google Chrome.app/Contents/MacOS/Google Chrome'),
    );
  } else if (platform === 'win32') {
    for (const base of [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA]) {
      if (base) out.push(path.join(base, 'Google', 'Chrome', 'Application', 'chrome.exe'), path.join(base, 'Chromium', 'Application', 'chrome.exe'));
    }
  } else {
    out.push('/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium');
  }
  return out;
}

function isExecutableFile(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false;
    if (process.platform !== 'win32') fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The first usable browser, or null. HEADROOM_CHROMIUM, when set, is the only candidate
 * considered: a wrong path is reported rather than silently replaced by another browser.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.HEADROOM_CHROMIUM) return isExecutableFile(env.HEADROOM_CHROMIUM) ? env.HEADROOM_CHROMIUM : null;
  return chromiumCandidates(env).find(isExecutableFile) ?? null;
}

export function unavailableMessage(env: NodeJS.ProcessEnv = process.env): string {
  return env.HEADROOM_CHROMIUM ? `HEADROOM_CHROMIUM=${env.HEADROOM_CHROMIUM} is not an executable file. ${PDF_UNAVAILABLE}` : PDF_UNAVAILABLE;
}

export interface PdfOptions {
  chromium?: string;
  timeoutMs?: number;
}

/** Prints `html` to PDF with a headless browser in a throw-away profile; returns the PDF bytes. */
export async function htmlToPdf(html: string, opts: PdfOptions = {}): Promise<Buffer> {
  const browser = opts.chromium ?? findChromium();
  if (!browser) throw new PdfError(unavailableMessage(), 'unavailable');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-pdf-'));
  try {
    const page = path.join(dir, 'report.html');
    const out = path.join(dir, 'report.pdf');
    fs.writeFileSync(page, html);
    const args = [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--no-default-browser-check', '--disable-extensions', '--mute-audio',
      `--user-data-dir=${path.join(dir, 'profile')}`,
      '--no-pdf-header-footer', '--print-to-pdf-no-header', `--print-to-pdf=${out}`,
      pathToFileURL(page).href,
    ];
    const timeoutMs = opts.timeoutMs ?? 60_000;
    await new Promise<void>((resolve, reject) => {
      execFile(browser, args, { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 4 * 1024 * 1024, windowsHide: true }, (error, _stdout, stderr) => {
        if (error && !fs.existsSync(out)) {
          const why = error.killed ? `timed out after ${timeoutMs / 1000} s` : `failed (${error.code ?? error.message})`;
          reject(new PdfError(`${browser} ${why} printing the report to PDF${stderr ? `: ${String(stderr).trim().split('\n').slice(-3).join(' | ')}` : ''}`, 'failed'));
        } else {
          resolve();
        }
      });
    });
    const pdf = fs.existsSync(out) ? fs.readFileSync(out) : Buffer.alloc(0);
    if (pdf.subarray(0, 4).toString('latin1') !== '%PDF') throw new PdfError(`${browser} did not produce a PDF`, 'failed');
    return pdf;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 200 });
  }
}
