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
      [
        'src/main/acts/x.ts',
        "import { createPatientRepository } from '../patients/patient-repository'; export const a = createPatientRepository;",
      ],
      [
        'src/main/sync/x.ts',
        "export { createTeleexpertiseRepository } from '../teleexpertise/teleexpertise-repository';",
      ],
      [
        'src/main/station/recovery/x.ts',
        "import { GENESIS_HASH } from '../../audit/audit-chain'; export const a = GENESIS_HASH;",
      ],
      // The platform (kernel) imports no feature, not even its index.
      [
        'src/main/platform/x.ts',
        "import { createPatientsFeature } from '../patients'; export const a = createPatientsFeature;",
      ],
      [
        'src/main/platform/database/x.ts',
        "import type { EncounterRepository } from '../../acts/encounter-repository'; export type A = EncounterRepository;",
      ],
      // The drivers import nothing from src/.
      ['devices/x.ts', "import { contract } from '../src/shared/contract'; export const a = contract;"],
      ['devices/cli/x.ts', "import type { Logger } from '../../src/main/platform/logger'; export type A = Logger;"],
      // src/shared stays pure: not even the drivers, whatever the depth of the file.
      [
        'src/shared/acts/x.ts',
        "import { createDeviceWatcher } from '../../../devices/registry'; export const a = createDeviceWatcher;",
      ],
      [
        'src/renderer/features/x/y.ts',
        "import { createDeviceWatcher } from '../../../../devices/registry'; export const a = createDeviceWatcher;",
      ],
    ])('%s may not: %s', async (file, code) => {
      const messages = await restrictedImports(file, code);
      expect(messages).not.toEqual([]);
      expect(messages.join('\n')).toContain('docs/ARCHITECTURE.md');
    });

    it.each([
      [
        'src/main/acts/x.ts',
        "import { createPatientRepository } from '../patients'; export const a = createPatientRepository;",
      ],
      [
        'src/main/acts/x.ts',
        "import { createPatientRepository } from '../patients/index'; export const a = createPatientRepository;",
      ],
      [
        'src/main/acts/x.ts',
        "import { createEncounterRepository } from './encounter-repository'; export const a = createEncounterRepository;",
      ],
      [
        'src/main/acts/x.ts',
        "import { openDatabase } from '../platform/database/connection'; export const a = openDatabase;",
      ],
      [
        'src/main/platform/database/x.ts',
        "import { AppFailure } from '../../contract/failure'; export const a = AppFailure;",
      ],
      [
        'src/main/station.ts',
        "import { createPatientsFeature } from './patients'; export const a = createPatientsFeature;",
      ],
      ['src/shared/x.ts', "import { DeviceInfoSchema } from './devices/devices'; export const a = DeviceInfoSchema;"],
      [
        'src/renderer/features/kiosk/x.ts',
        "import { DeviceInfoSchema } from '../../../shared/devices/devices'; export const a = DeviceInfoSchema;",
      ],
      ['devices/x.ts', "import { profiles } from './registry'; export const a = profiles;"],
    ])('%s may: %s', async (file, code) => {
      expect(await restrictedImports(file, code)).toEqual([]);
    });
  });
});

// The renderer's features (docs/ARCHITECTURE.md, Boundaries): a feature imports no other feature,
// only ui/, webrtc/, i18n/, api.ts and src/shared; ui/ and webrtc/ import no feature at all.
async function featureBoundaries(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'relais/renderer-boundaries').map((m) => m.message);
}

describe('renderer feature boundaries', () => {
  it.each([
    ['src/renderer/features/acts/x.tsx', "import { useCalls } from '../calls/call-view'; export const a = useCalls;"],
    [
      'src/renderer/features/acts/x.tsx',
      "import { ActStroke } from '../../features/stroke/act-stroke'; export const a = ActStroke;",
    ],
    ['src/renderer/features/kiosk/x.tsx', "export { CallView } from '../calls/call-view';"],
    ['src/renderer/features/calls/x.ts', "export const a = () => import('../imaging/series-viewer');"],
    ['src/renderer/ui/x.tsx', "import { ActScreen } from '../features/acts/act-screen'; export const a = ActScreen;"],
    [
      'src/renderer/ui/imaging/x.ts',
      "import { SeriesViewer } from '../../features/imaging/series-viewer'; export const a = SeriesViewer;",
    ],
    [
      'src/renderer/webrtc/x.ts',
      "import { callController } from '../features/calls/call-controller'; export const a = callController;",
    ],
  ])('%s may not: %s', async (file, code) => {
    const messages = await featureBoundaries(file, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('docs/ARCHITECTURE.md');
  });

  it.each([
    ['src/renderer/features/acts/x.tsx', "import { ActError } from '../../ui/error-line'; export const a = ActError;"],
    [
      'src/renderer/features/acts/x.tsx',
      "import { useCalls } from '../../webrtc/call-store'; export const a = useCalls;",
    ],
    [
      'src/renderer/features/acts/x.tsx',
      "import { relais } from '../../api'; import { i18n } from '../../i18n'; export const a = [relais, i18n];",
    ],
    [
      'src/renderer/features/acts/x.tsx',
      "import type { AppError } from '../../../shared/result'; export type A = AppError;",
    ],
    ['src/renderer/features/acts/x.tsx', "import { ActFiles } from './act-files'; export const a = ActFiles;"],
    ['src/renderer/app.tsx', "import { ActScreen } from './features/acts/act-screen'; export const a = ActScreen;"],
    ['src/renderer/webrtc/x.ts', "import { useView } from '../ui/view-store'; export const a = useView;"],
  ])('%s may: %s', async (file, code) => {
    expect(await featureBoundaries(file, code)).toEqual([]);
  });
});
