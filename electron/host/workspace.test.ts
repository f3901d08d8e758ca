import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import type * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  fileNameFor,
  isInside,
  listDocuments,
  uniqueDocumentPath,
  windowsNameProblem,
  workspaceGuard,
} from './workspace.ts';

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

  it('never counts a dangling link or a link loop as inside', () => {
    const { base, workspace } = setup();
    // Creating a file through this link would create it outside the workspace.
    symlinkSync(join(base, 'elsewhere.mlarch'), join(workspace, 'dangling.mlarch'));
    symlinkSync(join(base, 'gone'), join(workspace, 'gone'));
    symlinkSync(join(workspace, 'loop-b.mlarch'), join(workspace, 'loop-a.mlarch'));
    symlinkSync(join(workspace, 'loop-a.mlarch'), join(workspace, 'loop-b.mlarch'));
    for (const path of ['dangling.mlarch', join('gone', 'x.mlarch'), 'loop-a.mlarch']) {
      expect(isInside(workspace, join(workspace, path)), path).toBe(false);
    }
    expect(isInside(workspace, join(workspace, 'new.mlarch'))).toBe(true);
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

const canMakeFifo = process.platform !== 'win32';

describe('listDocuments', () => {
  // Distinct modification times make "newest first" decide the order.
  function design(path: string, content: string, minutesAgo: number): void {
    writeFileSync(path, content);
    const time = new Date(Date.UTC(2026, 0, 1, 12, 0) - minutesAgo * 60_000);
    utimesSync(path, time, time);
  }

  it('lists the regular design files in the folder, newest first', () => {
    const { workspace } = setup();
    design(join(workspace, 'Old.mlarch'), 'old', 10);
    design(join(workspace, 'New.MLARCH'), 'newer!', 1);
    design(join(workspace, 'notes.txt'), 'no', 0);
    mkdirSync(join(workspace, 'sub'));
    design(join(workspace, 'sub', 'Deep.mlarch'), 'deep', 0);
    expect(listDocuments(workspace)).toEqual([
      {
        path: join(workspace, 'New.MLARCH'),
        name: 'New',
        modifiedAt: '2026-01-01T11:59:00.000Z',
        sizeBytes: 6,
      },
      {
        path: join(workspace, 'Old.mlarch'),
        name: 'Old',
        modifiedAt: '2026-01-01T11:50:00.000Z',
        sizeBytes: 3,
      },
    ]);
  });

  it('hides links that lead out of the folder, dangle or name a folder', () => {
    const { base, workspace } = setup();
    design(join(base, 'secret.txt'), 'outside', 0);
    mkdirSync(join(base, 'folder'));
    symlinkSync(join(base, 'secret.txt'), join(workspace, 'passwd.mlarch'));
    symlinkSync(join(base, 'missing.mlarch'), join(workspace, 'dangling.mlarch'));
    symlinkSync(join(base, 'folder'), join(workspace, 'folder.mlarch'));
    mkdirSync(join(workspace, 'real-folder.mlarch'));
    design(join(workspace, 'Mine.mlarch'), 'mine', 0);
    expect(listDocuments(workspace).map((f) => f.name)).toEqual(['Mine']);
  });

  it('lists a file reached through links inside the folder once, under its own name', () => {
    const { workspace } = setup();
    design(join(workspace, 'Real.mlarch'), 'real', 5);
    symlinkSync(join(workspace, 'Real.mlarch'), join(workspace, 'Alias.mlarch'));
    symlinkSync('Real.mlarch', join(workspace, 'Zed alias.mlarch'));
    mkdirSync(join(workspace, 'sub'));
    design(join(workspace, 'sub', 'Deep.mlarch'), 'deep', 1);
    symlinkSync(join(workspace, 'sub', 'Deep.mlarch'), join(workspace, 'B link.mlarch'));
    symlinkSync(join(workspace, 'sub', 'Deep.mlarch'), join(workspace, 'A link.mlarch'));
    const listed = listDocuments(workspace);
    expect(listed.map((f) => [f.name, f.sizeBytes])).toEqual([
      ['A link', 4],
      ['Real', 4],
    ]);
    expect(listed[0]?.path).toBe(join(workspace, 'A link.mlarch'));
  });

  it('lists a workspace that is itself reached through a linked folder', () => {
    const { base, workspace } = setup();
    design(join(workspace, 'Plan.mlarch'), 'plan', 0);
    symlinkSync(workspace, join(base, 'linked-workspace'));
    const listed = listDocuments(join(base, 'linked-workspace'));
    expect(listed.map((f) => f.path)).toEqual([join(base, 'linked-workspace', 'Plan.mlarch')]);
  });

  it.runIf(canMakeFifo)('skips a pipe named x.mlarch without opening it', () => {
    const { workspace } = setup();
    // Opening a pipe for reading blocks until a writer comes: the listing must never open it.
    execFileSync('mkfifo', [join(workspace, 'x.mlarch')]);
    design(join(workspace, 'Plan.mlarch'), 'plan', 0);
    expect(listDocuments(workspace).map((f) => f.name)).toEqual(['Plan']);
  });

  it('answers an empty list for a folder that does not exist', () => {
    const { base } = setup();
    expect(listDocuments(join(base, 'nowhere'))).toEqual([]);
  });
});

describe('workspaceGuard', () => {
  it('refuses links out of the workspace, dangling links, folders and pipes', () => {
    const { base, workspace } = setup();
    writeFileSync(join(base, 'secret.mlarch'), 'outside');
    symlinkSync(join(base, 'secret.mlarch'), join(workspace, 'passwd.mlarch'));
    symlinkSync(join(base, 'created-outside.mlarch'), join(workspace, 'dangling.mlarch'));
    mkdirSync(join(workspace, 'folder.mlarch'));
    const guard = workspaceGuard(workspace);
    for (const purpose of ['open', 'write', 'replace'] as const) {
      expect(() => guard.check(join(workspace, 'passwd.mlarch'), purpose), purpose).toThrow(
        /outside it \(or is a link that leads out of it\)/,
      );
      expect(() => guard.check(join(workspace, 'dangling.mlarch'), purpose), purpose).toThrow(/outside/);
      expect(() => guard.check(join(workspace, 'folder.mlarch'), purpose), purpose).toThrow(
        /is not an MLArch design but a folder, pipe or device/,
      );
    }
    if (canMakeFifo) {
      execFileSync('mkfifo', [join(workspace, 'pipe.mlarch')]);
      expect(() => guard.check(join(workspace, 'pipe.mlarch'), 'open')).toThrow(/is not an MLArch design/);
    }
  });

  it('allows files inside, links between files inside and new files', () => {
    const { workspace } = setup();
    writeFileSync(join(workspace, 'Real.mlarch'), 'real');
    symlinkSync(join(workspace, 'Real.mlarch'), join(workspace, 'Alias.mlarch'));
    const guard = workspaceGuard(workspace);
    expect(() => guard.check(join(workspace, 'Real.mlarch'), 'open')).not.toThrow();
    expect(() => guard.check(join(workspace, 'Alias.mlarch'), 'open')).not.toThrow();
    expect(() => guard.check(join(workspace, 'New.mlarch'), 'write')).not.toThrow();
    expect(() => guard.check(join(workspace, 'sub', 'New.mlarch'), 'write')).not.toThrow();
  });
});

describe('fileNameFor cuts names', () => {
  const bytes = (text: string) => new TextEncoder().encode(text).length;

  it('never inside an emoji, a flag or a family', () => {
    const a99 = 'a'.repeat(99);
    // 👍🏽: two code points, four UTF-16 units; a cut at 100 units would leave half a surrogate pair.
    expect(fileNameFor(`${a99}👍🏽b`)).toBe(`${a99}👍🏽`);
    expect(fileNameFor(`${a99}🇫🇷b`)).toBe(`${a99}🇫🇷`);
    expect(fileNameFor(`${a99}👨‍👩‍👧b`)).toBe(`${a99}👨‍👩‍👧`);
    expect(fileNameFor(`${'a'.repeat(100)}👍`)).toBe('a'.repeat(100));
  });

  it('never between a letter and its combining accent', () => {
    const e99 = 'e'.repeat(99);
    expect(fileNameFor(`${e99}e\u0301x`)).toBe(`${e99}e\u0301`);
    expect(fileNameFor(`${e99}\u1100\u1161\u11a8x`)).toBe(`${e99}\u1100\u1161\u11a8`);
  });

  it('to at most 200 UTF-8 bytes, which file systems count', () => {
    // 中 is 3 bytes: 66 of them are 198 bytes, a 67th would make 201.
    expect(fileNameFor('中'.repeat(150))).toBe('中'.repeat(66));
    // 😀 is 4 bytes: 50 of them are exactly 200.
    expect(fileNameFor('😀'.repeat(80))).toBe('😀'.repeat(50));
    // One letter under 300 accents is one grapheme cluster of 601 bytes: cut between code points.
    const zalgo = fileNameFor(`Z${'\u0301'.repeat(300)}`);
    expect(zalgo).toBe(`Z${'\u0301'.repeat(99)}`);
    expect(bytes(zalgo)).toBe(199);
  });

  it('and trims what the cut leaves at the end', () => {
    expect(fileNameFor(`${'a'.repeat(99)} b`)).toBe('a'.repeat(99));
    expect(fileNameFor(`${'a'.repeat(98)}. b`)).toBe('a'.repeat(98));
  });

  it('replaces a lone surrogate rather than passing it to the disk', () => {
    expect(fileNameFor('plan\ud800x')).toBe('plan-x');
    expect(fileNameFor('\udc00')).toBe('-');
  });

  it('so the name on disk is the name the host reports', () => {
    const { workspace } = setup();
    for (const name of [`${'a'.repeat(99)}👍🏽 plan`, '中'.repeat(150), `${'e'.repeat(99)}e\u0301`]) {
      const path = uniqueDocumentPath(workspace, name, () => false);
      writeFileSync(path, '');
      const onDisk = readdirSync(workspace);
      expect(onDisk, name).toContain(path.slice(workspace.length + 1));
    }
    expect(readdirSync(workspace)).toHaveLength(3);
  });
});
