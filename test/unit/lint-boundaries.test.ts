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
    ['src/main/patients/x.ts', "import { app } from 'electron'; export const a = app;"],
    ['src/main/platform/database/x.ts', "import { app } from 'electron'; export const a = app;"],
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
    ['src/main/patients/x.ts', "import fs from 'node:fs'; export const a = fs;"],
    ['src/renderer/x.ts', "import { contract } from '../shared/contract'; export const a = contract;"],
  ])('%s may: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toEqual([]);
  });
});
