import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import type * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fileNameFor, isInside, windowsNameProblem, workspaceGuard } from './workspace.ts';

// Records which paths the guard hands to realpath, i.e. which paths it touches on the disk.
const realpathCalls = vi.hoisted(() => [] as string[]);
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof fs>();
  const realpathSync = (path: string) => {
    realpathCalls.push(path);
    return actual.realpathSync(path);
  };
  return { ...actual, realpathSync, default: { ...actual, realpathSync } };
});

function setup() {
  const base = mkdtempSync(join(tmpdir(), 'mlarch-workspace-'));
  const workspace = join(base, 'workspace');
  mkdirSync(workspace);
  return { base, workspace };
}

beforeEach(() => {
  realpathCalls.length = 0;
});

describe('isInside', () => {
  it('decides a path outside the folder without touching the disk', () => {
    const { base, workspace } = setup();
    // On Windows, realpath of \\host\share\… contacts that host and offers it the user's credentials.
    for (const path of ['//attacker.example/share/x.mlarch', join(base, 'outside', 'x.mlarch'), '/etc/x']) {
      expect(isInside(workspace, path), path).toBe(false);
      expect(
        realpathCalls.filter((p) => !p.startsWith(workspace)),
        path,
      ).toEqual([]);
    }
  });

  it('still follows symbolic links of paths inside', () => {
    const { base, workspace } = setup();
    mkdirSync(join(base, 'outside'));
    symlinkSync(join(base, 'outside'), join(workspace, 'link'));
    expect(isInside(workspace, join(workspace, 'link', 'x.mlarch'))).toBe(false);
    expect(isInside(workspace, join(workspace, 'sub', 'x.mlarch'))).toBe(true);
  });
});

describe('windowsNameProblem', () => {
  it('names what Windows would read as another file, a stream or a device', () => {
    for (const path of [
      'C:\\ws\\sub.\\A.mlarch',
      'C:\\ws\\.. \\A.mlarch',
      'C:\\ws\\sub \\A.mlarch',
      'C:\\ws\\notes.txt:A.mlarch',
      'C:\\ws\\A.mlarch::$DATA',
      'C:\\ws\\CON.mlarch',
      'C:\\ws\\com1.mlarch',
      '\\\\?\\C:\\ws\\A.mlarch',
      '\\\\.\\pipe\\A.mlarch',
    ]) {
      expect(windowsNameProblem(path), path).not.toBeNull();
    }
    for (const path of ['C:\\ws\\A.mlarch', 'C:\\ws\\.\\sub\\..\\A b.mlarch', 'D:/ws/console.mlarch']) {
      expect(windowsNameProblem(path), path).toBeNull();
    }
  });

  it('makes the Windows workspace guard refuse such names', () => {
    const { workspace } = setup();
    const guard = workspaceGuard(workspace, 'win32');
    expect(() => guard.check(join(workspace, 'sub.', 'A.mlarch'), 'write')).toThrow(/Windows/);
    expect(() => guard.check(join(workspace, 'A.mlarch'), 'write')).not.toThrow();
    // Elsewhere such names are ordinary files.
    expect(() =>
      workspaceGuard(workspace, 'linux').check(join(workspace, 'sub.', 'A.mlarch'), 'write'),
    ).not.toThrow();
  });
});

describe('fileNameFor', () => {
  it('never makes a name Windows would read as a device or strip', () => {
    for (const name of ['CON', 'nul.backup', 'com1', 'Aux .v2', 'LPT9', ' plan. ', '../..', 'a:b']) {
      const file = `C:\\ws\\${fileNameFor(name)}.mlarch`;
      expect(windowsNameProblem(file), name).toBeNull();
    }
    expect(fileNameFor('CON')).toBe('CON-design');
    expect(fileNameFor('Console')).toBe('Console');
  });
});
