// The folder boundaries of docs/ARCHITECTURE.md are enforced by lint: these imports must be refused.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

// The package and pattern rules (no-restricted-imports) and the resolved folder rules (relais/boundaries).
const BOUNDARY_RULES = new Set(['no-restricted-imports', 'relais/boundaries']);

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId && BOUNDARY_RULES.has(m.ruleId)).map((m) => m.message);
}

describe('folder boundaries', () => {
  it.each([
    ['src/shared/x.ts', "import fs from 'node:fs'; export const a = fs;"],
    ['src/shared/x.ts', "import { createStation } from '../main/station'; export const a = createStation;"],
    ['src/shared/x.ts', "import React from 'react'; export const a = React;"],
    ['src/main/patients/x.ts', "import { app } from 'electron'; export const a = app;"],
    ['src/main/platform/database/x.ts', "import { app } from 'electron'; export const a = app;"],
    ['src/main/host/x.ts', "import { app } from 'electron'; export const a = app;"],
    ['src/renderer/x.ts', "import path from 'path'; export const a = path;"],
    ['src/renderer/x.ts', "import Database from 'better-sqlite3'; export const a = Database;"],
    ['src/renderer/features/x.ts', "import { ipcRenderer } from 'electron'; export const a = ipcRenderer;"],
    ['src/renderer/x.ts', "import { createStation } from '../main/station'; export const a = createStation;"],
    ['src/preload/x.ts', "import fs from 'fs'; export const a = fs;"],
    ['devices/x.ts', "import { app } from 'electron'; export const a = app;"],
  ])('%s may not: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).not.toEqual([]);
  });

  it.each([
    ['src/main/electron/x.ts', "import { app } from 'electron'; export const a = app;"],
    ['src/preload/x.ts', "import { contextBridge } from 'electron'; export const a = contextBridge;"],
    ['src/main/patients/x.ts', "import fs from 'node:fs'; export const a = fs;"],
    ['src/renderer/x.ts', "import { contract } from '../shared/contract'; export const a = contract;"],
  ])('%s may: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toEqual([]);
  });

  describe('main features, the platform and the drivers (issue 19)', () => {
    it.each([
      // A main feature reaches another only through its index.ts (its public face).
      ['src/main/acts/x.ts', "import { createPatientRepository } from '../patients/patient-repository'; export const a = createPatientRepository;"],
      ['src/main/sync/x.ts', "export { createTeleexpertiseRepository } from '../teleexpertise/teleexpertise-repository';"],
      ['src/main/station/recovery/x.ts', "import { GENESIS_HASH } from '../../audit/audit-chain'; export const a = GENESIS_HASH;"],
      // The platform (kernel) imports no feature, not even its index.
      ['src/main/platform/x.ts', "import { createPatientsFeature } from '../patients'; export const a = createPatientsFeature;"],
      ['src/main/platform/database/x.ts', "import type { EncounterRepository } from '../../acts/encounter-repository'; export type A = EncounterRepository;"],
      // The drivers import nothing from src/.
      ['devices/x.ts', "import { contract } from '../src/shared/contract'; export const a = contract;"],
      ['devices/cli/x.ts', "import type { Logger } from '../../src/main/platform/logger'; export type A = Logger;"],
      // src/shared stays pure: not even the drivers, whatever the depth of the file.
      ['src/shared/acts/x.ts', "import { createDeviceWatcher } from '../../../devices/registry'; export const a = createDeviceWatcher;"],
      ['src/renderer/features/x/y.ts', "import { createDeviceWatcher } from '../../../../devices/registry'; export const a = createDeviceWatcher;"],
    ])('%s may not: %s', async (file, code) => {
      const messages = await restrictedImports(file, code);
      expect(messages).not.toEqual([]);
      expect(messages.join('\n')).toContain('docs/ARCHITECTURE.md');
    });

    it.each([
      ['src/main/acts/x.ts', "import { createPatientRepository } from '../patients'; export const a = createPatientRepository;"],
      ['src/main/acts/x.ts', "import { createPatientRepository } from '../patients/index'; export const a = createPatientRepository;"],
      ['src/main/acts/x.ts', "import { createEncounterRepository } from './encounter-repository'; export const a = createEncounterRepository;"],
      ['src/main/acts/x.ts', "import { openDatabase } from '../platform/database/connection'; export const a = openDatabase;"],
      ['src/main/platform/database/x.ts', "import { AppFailure } from '../../contract/failure'; export const a = AppFailure;"],
      ['src/main/station.ts', "import { createPatientsFeature } from './patients'; export const a = createPatientsFeature;"],
      ['src/shared/x.ts', "import { DeviceInfoSchema } from './devices/devices'; export const a = DeviceInfoSchema;"],
      ['src/renderer/features/kiosk/x.ts', "import { DeviceInfoSchema } from '../../../shared/devices/devices'; export const a = DeviceInfoSchema;"],
      ['devices/x.ts', "import { profiles } from './registry'; export const a = profiles;"],
    ])('%s may: %s', async (file, code) => {
      expect(await restrictedImports(file, code)).toEqual([]);
    });
  });
});
