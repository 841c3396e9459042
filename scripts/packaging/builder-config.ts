// electron-builder.yml as electron-builder itself finds and reads it (its own loader, which looks
// for electron-builder.yml first), for the packaging tests and check-package.ts. The lists the
// tests need are read off the config, not kept a second time: the native packages unpacked from
// the ASAR and the native packages left out of the package.
import path from 'node:path';
import { findAndReadConfig } from 'app-builder-lib/out/util/config/load';
import type { Configuration } from 'electron-builder';

export type FuseOptions = NonNullable<Configuration['electronFuses']>;

export interface BuilderConfig {
  /** The file electron-builder picked up. */
  file: string;
  config: Configuration;
  fuses: FuseOptions;
  /** `**\/node_modules/<name>/**` in asarUnpack: native packages kept out of the archive. */
  nativeModules: string[];
  /** `!**\/node_modules/<name>/**` in files: native packages the app never loads, not shipped. */
  notShipped: string[];
}

const asList = <T>(value: T | T[] | null | undefined): T[] =>
  value === null || value === undefined ? [] : Array.isArray(value) ? value : [value];
const packageIn = (pattern: string, prefix: string): string | null =>
  new RegExp(`^${prefix}\\*\\*/node_modules/(.+)/\\*\\*$`).exec(pattern)?.[1] ?? null;

export async function readBuilderConfig(projectDir: string): Promise<BuilderConfig> {
  const found = await findAndReadConfig<Configuration>({
    packageKey: 'build',
    configFilename: 'electron-builder',
    projectDir,
    packageMetadata: null,
  });
  if (!found?.configFile) throw new Error(`No electron-builder configuration file in ${projectDir}.`);
  const { result: config, configFile } = found;
  const patterns = (list: unknown): string[] =>
    asList(list as string | string[]).filter((p): p is string => typeof p === 'string');
  return {
    file: path.relative(projectDir, configFile),
    config,
    fuses: config.electronFuses ?? {},
    nativeModules: patterns(config.asarUnpack)
      .map((p) => packageIn(p, ''))
      .filter((n): n is string => n !== null),
    notShipped: patterns(config.files)
      .map((p) => packageIn(p, '!'))
      .filter((n): n is string => n !== null),
  };
}
