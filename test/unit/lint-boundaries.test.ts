// The folder boundaries of DESIGN.md are enforced by lint: these imports must be refused.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('folder boundaries', () => {
  it.each([
    ['src/shared/x.ts', "import fs from 'node:fs'; export const a = fs;"],
    ['src/shared/x.ts', "import { createStation } from '../main/station'; export const a = createStation;"],
    ['src/shared/x.ts', "import React from 'react'; export const a = React;"],
    ['src/main/services/x.ts', "import { app } from 'electron'; export const a = app;"],
    ['src/main/db/x.ts', "import { app } from 'electron'; export const a = app;"],
    ['src/main/host/x.ts', "import { app } from 'electron'; export const a = app;"],
    ['src/renderer/x.ts', "import path from 'path'; export const a = path;"],
    ['src/renderer/x.ts', "import Database from 'better-sqlite3-multiple-ciphers'; export const a = Database;"],
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
    ['src/main/services/x.ts', "import fs from 'node:fs'; export const a = fs;"],
    ['src/renderer/x.ts', "import { contract } from '../shared/contract'; export const a = contract;"],
  ])('%s may: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toEqual([]);
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
    ['src/renderer/features/acts/x.tsx', "import { ActStroke } from '../../features/stroke/act-stroke'; export const a = ActStroke;"],
    ['src/renderer/features/kiosk/x.tsx', "export { CallView } from '../calls/call-view';"],
    ['src/renderer/features/calls/x.ts', "export const a = () => import('../imaging/series-viewer');"],
    ['src/renderer/ui/x.tsx', "import { ActScreen } from '../features/acts/act-screen'; export const a = ActScreen;"],
    ['src/renderer/ui/imaging/x.ts', "import { SeriesViewer } from '../../features/imaging/series-viewer'; export const a = SeriesViewer;"],
    ['src/renderer/webrtc/x.ts', "import { callController } from '../features/calls/call-controller'; export const a = callController;"],
  ])('%s may not: %s', async (file, code) => {
    const messages = await featureBoundaries(file, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('docs/ARCHITECTURE.md');
  });

  it.each([
    ['src/renderer/features/acts/x.tsx', "import { ActError } from '../../ui/error-line'; export const a = ActError;"],
    ['src/renderer/features/acts/x.tsx', "import { useCalls } from '../../webrtc/call-store'; export const a = useCalls;"],
    ['src/renderer/features/acts/x.tsx', "import { relais } from '../../api'; import { i18n } from '../../i18n'; export const a = [relais, i18n];"],
    ['src/renderer/features/acts/x.tsx', "import type { AppError } from '../../../shared/result'; export type A = AppError;"],
    ['src/renderer/features/acts/x.tsx', "import { ActFiles } from './act-files'; export const a = ActFiles;"],
    ['src/renderer/app.tsx', "import { ActScreen } from './features/acts/act-screen'; export const a = ActScreen;"],
    ['src/renderer/webrtc/x.ts', "import { useView } from '../ui/view-store'; export const a = useView;"],
  ])('%s may: %s', async (file, code) => {
    expect(await featureBoundaries(file, code)).toEqual([]);
  });
});
