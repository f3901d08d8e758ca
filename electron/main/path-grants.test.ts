import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPathGrants } from './path-grants.ts';

function setup() {
  const base = mkdtempSync(join(tmpdir(), 'mlarch-grants-'));
  const workspace = join(base, 'workspace');
  const outside = join(base, 'outside');
  mkdirSync(workspace);
  mkdirSync(outside);
  return { base, workspace, outside, grants: createPathGrants({ workspace, platform: 'linux' }) };
}

describe('path grants', () => {
  it('allows .mlarch files inside the workspace folder for both purposes', () => {
    const { workspace, grants } = setup();
    expect(() => grants.check(join(workspace, 'A.mlarch'), 'open')).not.toThrow();
    expect(() => grants.check(join(workspace, 'sub', 'B.mlarch'), 'write')).not.toThrow();
  });

  it('refuses paths outside, traversal out of the workspace and other file kinds', () => {
    const { workspace, outside, grants } = setup();
    expect(() => grants.check(join(outside, 'A.mlarch'), 'open')).toThrow(/file dialog/);
    expect(() => grants.check(`${workspace}/../outside/A.mlarch`, 'write')).toThrow();
    expect(() => grants.check(`${workspace}-evil/A.mlarch`, 'open')).toThrow();
    expect(() => grants.check(join(workspace, 'notes.txt'), 'open')).toThrow(/Only .mlarch/);
    expect(() => grants.check('/etc/passwd', 'open')).toThrow();
  });

  it('refuses a symbolic link inside the workspace that points out', () => {
    const { workspace, outside, grants } = setup();
    symlinkSync(outside, join(workspace, 'link'));
    expect(() => grants.check(join(workspace, 'link', 'A.mlarch'), 'write')).toThrow();
  });

  it('allows granted paths for the granted purposes only', () => {
    const { outside, grants } = setup();
    const picked = join(outside, 'Picked.mlarch');
    grants.grant(picked, ['open']);
    expect(grants.isAllowed(picked, 'open')).toBe(true);
    expect(grants.isAllowed(picked, 'write')).toBe(false);
    expect(grants.isAllowed(`${outside}/./Picked.mlarch`, 'open')).toBe(true);
    grants.grantRecent([join(outside, 'Recent.mlarch')]);
    expect(grants.isAllowed(join(outside, 'Recent.mlarch'), 'open')).toBe(true);
    expect(grants.isAllowed(join(outside, 'Recent.mlarch'), 'write')).toBe(false);
  });

  it('ignores letter case on macOS and Windows only', () => {
    const { outside } = setup();
    const mac = createPathGrants({ workspace: '/nowhere', platform: 'darwin' });
    mac.grant(join(outside, 'Picked.mlarch'), ['open']);
    expect(mac.isAllowed(join(outside, 'PICKED.mlarch'), 'open')).toBe(true);
    const linux = createPathGrants({ workspace: '/nowhere', platform: 'linux' });
    linux.grant(join(outside, 'Picked.mlarch'), ['open']);
    expect(linux.isAllowed(join(outside, 'PICKED.mlarch'), 'open')).toBe(false);
  });

  it('refuses on Windows a name Windows would read as another file, even inside the workspace', () => {
    const { workspace } = setup();
    const windows = createPathGrants({ workspace, platform: 'win32' });
    for (const name of ['sub.', 'sub ', 'CON']) {
      expect(() => windows.check(join(workspace, name, 'A.mlarch'), 'write'), name).toThrow(/Windows/);
    }
    expect(() => windows.check(join(workspace, 'notes.txt:A.mlarch'), 'write')).toThrow(/stream/);
    windows.grant(join(workspace, 'x', 'B.mlarch.'), ['open']);
    expect(windows.isAllowed(join(workspace, 'sub.', 'B.mlarch'), 'open')).toBe(false);
    expect(() => windows.check(join(workspace, 'A.mlarch'), 'write')).not.toThrow();
  });
});
