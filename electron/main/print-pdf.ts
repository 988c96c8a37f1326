// The desktop app's PDF reports: the self-contained HTML report printed by Electron's own
// Chromium, in a hidden window that can do nothing else (sandboxed, no Node, no JavaScript —
// the report has no scripts), loaded from a temporary file and closed afterwards.
import { BrowserWindow } from 'electron';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export async function printHtmlToPdf(html: string): Promise<Buffer> {
  // A file rather than a data: URL, which Chromium caps at 2 MB.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-report-'));
  const file = path.join(dir, 'report.html');
  const window = new BrowserWindow({
    show: false,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  try {
    fs.writeFileSync(file, html, 'utf8');
    await window.loadFile(file);
    // The report's own @page rule sets A4 and its margins; A4 is the fallback.
    return await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4', preferCSSPageSize: true });
  } finally {
    window.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
