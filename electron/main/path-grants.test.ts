import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPathGrants, type PathGrants, type PathPurpose } from './path-grants.ts';

/** The purposes `path` is allowed for, in a fixed order. */
function allowed(grants: PathGrants, path: string): PathPurpose[] {
  return (['open', 'write', 'replace'] as const).filter((purpose) => grants.isAllowed(path, purpose));
}

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
  });

  it('allows opening exactly the recent list it was last given', () => {
    const { outside, grants } = setup();
    const first = join(outside, 'First.mlarch');
    const second = join(outside, 'Second.mlarch');
    grants.setRecent([first]);
    expect(allowed(grants, first)).toEqual(['open']);
    grants.setRecent([second]);
    expect(allowed(grants, first)).toEqual([]);
    expect(allowed(grants, second)).toEqual(['open']);
    grants.setRecent([]);
    expect(allowed(grants, second)).toEqual([]);
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

describe('path grants and document sessions', () => {
  it('keeps a grant while the document opened from it is open, and ends it when that one closes', () => {
    const { outside, grants } = setup();
    const picked = join(outside, 'Picked.mlarch');
    grants.grant(picked, ['open']);
    grants.documentOpened('doc-a', picked);
    expect(allowed(grants, picked)).toEqual(['open']);
    grants.documentClosed('doc-other');
    expect(allowed(grants, picked)).toEqual(['open']);
    grants.documentClosed('doc-a');
    expect(allowed(grants, picked)).toEqual([]);
  });

  it('moves a Save As grant to the copy and ends it when the copy is replaced', () => {
    const { outside, grants } = setup();
    const original = join(outside, 'Original.mlarch');
    const copy = join(outside, 'Copy.mlarch');
    const next = join(outside, 'Next.mlarch');
    grants.grant(original, ['open']);
    grants.documentOpened('doc-a', original);
    grants.grant(copy, ['write', 'open', 'replace']);
    // Save As: the copy opens, then the original closes.
    grants.documentOpened('doc-b', copy);
    grants.documentClosed('doc-a');
    expect(allowed(grants, original)).toEqual([]);
    expect(allowed(grants, copy)).toEqual(['open', 'write', 'replace']);
    // Another Open replaces the copy.
    grants.grant(next, ['open']);
    grants.documentOpened('doc-c', next);
    grants.documentClosed('doc-b');
    expect(allowed(grants, copy)).toEqual([]);
    expect(allowed(grants, next)).toEqual(['open']);
  });

  it('ends a grant no document took over when the document open at the time closes', () => {
    const { outside, grants } = setup();
    const open = join(outside, 'Open.mlarch');
    const failedCopy = join(outside, 'Failed.mlarch');
    grants.documentOpened('doc-a', open);
    grants.grant(failedCopy, ['write', 'open', 'replace']);
    expect(allowed(grants, failedCopy)).toEqual(['open', 'write', 'replace']);
    grants.documentClosed('doc-a');
    expect(allowed(grants, failedCopy)).toEqual([]);
  });

  it('keeps a grant given on the start screen until a document takes it or the window closes', () => {
    const { outside, grants } = setup();
    const first = join(outside, 'First.mlarch');
    const second = join(outside, 'Second.mlarch');
    // Two paths from the command line: the first opens and is replaced by the second.
    grants.grant(first, ['open']);
    grants.grant(second, ['open']);
    grants.documentOpened('doc-a', first);
    expect(allowed(grants, second)).toEqual(['open']);
    grants.documentOpened('doc-b', second);
    grants.documentClosed('doc-a');
    expect(allowed(grants, first)).toEqual([]);
    expect(allowed(grants, second)).toEqual(['open']);
    grants.revokeAll();
    expect(allowed(grants, second)).toEqual([]);
  });

  it('keeps the workspace and recent designs allowed through all of it', () => {
    const { workspace, outside, grants } = setup();
    const inWorkspace = join(workspace, 'W.mlarch');
    const recent = join(outside, 'Recent.mlarch');
    grants.setRecent([recent]);
    grants.grant(recent, ['write', 'open', 'replace']);
    grants.documentOpened('doc-a', recent);
    grants.documentClosed('doc-a');
    grants.revokeAll();
    expect(allowed(grants, recent)).toEqual(['open']);
    expect(allowed(grants, inWorkspace)).toEqual(['open', 'write']);
  });
});
