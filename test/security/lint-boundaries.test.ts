import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/*
 * The lint rules that keep Electron where it belongs, run through the project's own ESLint config on code
 * written here: host/, store/, web/ and cli/ run in plain Node (CLI, web host, tests) and may not load
 * Electron, and in main only index.ts may load its values (tests load the rest without the binary).
 */

const eslint = new ESLint({ cwd: join(import.meta.dirname, '..', '..') });

async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId?.endsWith('no-restricted-imports'))
    .map((m) => `${m.line}`);
}

const loadsElectron = [
  "import { app } from 'electron';",
  "import { ipcMain } from 'electron/main';",
  "import { startApp } from '../main/app.ts';",
  'export const used = [app, ipcMain, startApp];',
].join('\n');

describe('where Electron may be imported', () => {
  it.each(['host', 'store', 'web', 'cli'])(
    'refuses electron, electron/* and main in electron/%s',
    async (dir) => {
      expect(await restrictedImports(`electron/${dir}/probe.ts`, loadsElectron)).toEqual([
        '1',
        '2',
        '2',
        '3',
      ]);
    },
  );

  it('refuses a value import of electron in main outside index.ts, but allows a type import', async () => {
    const code =
      "import { app } from 'electron';\nimport type { Session } from 'electron';\nexport const a = app;\n";
    expect(await restrictedImports('electron/main/probe.ts', code)).toEqual(['1']);
    expect(await restrictedImports('electron/main/index.ts', code)).toEqual([]);
  });
});
