// Where the station keeps its data: RELAIS_DATA_DIR, else the OS app-data folder Electron would use.
import path from 'node:path';

export interface DataDirEnv {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  home: string;
}

export const APP_FOLDER = 'Relais';

export function resolveDataDir({ env, platform, home }: DataDirEnv): string {
  if (env.RELAIS_DATA_DIR) return path.resolve(env.RELAIS_DATA_DIR);
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_FOLDER);
}
