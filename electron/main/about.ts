// Help → About: the versions a bug report needs, in a native message box, and the same text on
// macOS's own About panel.
import type { AppInfo } from '../common/contract';

export interface RuntimeVersions {
  electron?: string;
  chrome?: string;
  node?: string;
  v8?: string;
  modules?: string;
}

/** The About box's text, one "name version" per line. */
export function aboutDetail(info: AppInfo, versions: RuntimeVersions, platform: string, arch: string): string {
  return [
    `Headroom ${info.version}`,
    `Simulation engine ${info.engineVersion}`,
    `Electron ${versions.electron ?? '?'}`,
    `Chromium ${versions.chrome ?? '?'}`,
    `Node.js ${versions.node ?? '?'} (ABI ${versions.modules ?? '?'})`,
    `V8 ${versions.v8 ?? '?'}`,
    `${platform} ${arch}`,
    `Data folder: ${info.dataDir}`,
  ].join('\n');
}
