import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFakeElectron, type FakeElectron } from './testing/fake-electron.ts';
import { startReady, workspace } from './testing/start-app.ts';

let fake: FakeElectron;
beforeEach(() => {
  fake = createFakeElectron();
});

describe('dialogs and path grants', () => {
  it('grants the path picked in the Open dialog, and only that one', async () => {
    const { services } = await startReady(fake);
    const guard = services.guard;
    if (!guard) throw new Error('no guard');
    const picked = join(tmpdir(), 'elsewhere', 'Picked.mlarch');
    expect(() => guard.check(picked, 'open')).toThrow(/Open…/);
    fake.dialogState.openResult = { canceled: false, filePaths: [picked] };
    expect(await fake.invoke('dialog.openDocument', {})).toEqual({ ok: true, data: { path: picked } });
    expect(fake.dialogState.openCalls[0]?.filters).toEqual([
      { name: 'MLArch design', extensions: ['mlarch'] },
    ]);
    expect(() => guard.check(picked, 'open')).not.toThrow();
    expect(() => guard.check(picked, 'write')).toThrow();
    expect(() => guard.check(join(tmpdir(), 'elsewhere', 'Other.mlarch'), 'open')).toThrow();
  });

  it('grants the Save dialog path for writing, adding the extension', async () => {
    const { services } = await startReady(fake);
    const chosen = join(tmpdir(), 'elsewhere', 'Copy');
    fake.dialogState.saveResult = { canceled: false, filePath: chosen };
    const result = await fake.invoke('dialog.saveDocument', { suggestedName: 'My: design' });
    expect(result).toEqual({ ok: true, data: { path: `${chosen}.mlarch`, replaceConfirmed: false } });
    expect(fake.dialogState.saveCalls[0]?.defaultPath).toBe(join(workspace, 'My- design.mlarch'));
    expect(() => services.guard?.check(`${chosen}.mlarch`, 'write')).not.toThrow();
    // The dialog never asked about replacing the completed name, so replacing it stays refused.
    expect(() => services.guard?.check(`${chosen}.mlarch`, 'replace')).toThrow(/already exists/);
  });

  it('lets Save As replace only the existing file the dialog confirmed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlarch-replace-'));
    const existing = join(dir, 'Existing.mlarch');
    writeFileSync(existing, '');
    const { services } = await startReady(fake);
    fake.dialogState.saveResult = { canceled: false, filePath: existing };
    const result = await fake.invoke('dialog.saveDocument', { suggestedName: 'Existing' });
    expect(result).toEqual({ ok: true, data: { path: existing, replaceConfirmed: true } });
    expect(() => services.guard?.check(existing, 'replace')).not.toThrow();
    const inWorkspace = join(workspace, 'Other.mlarch');
    expect(() => services.guard?.check(inWorkspace, 'write')).not.toThrow();
    expect(() => services.guard?.check(inWorkspace, 'replace')).toThrow(/already exists/);
  });

  it('answers null when a dialog is cancelled', async () => {
    await startReady(fake);
    expect(await fake.invoke('dialog.openDocument', {})).toEqual({ ok: true, data: { path: null } });
    expect(await fake.invoke('dialog.saveDocument', { suggestedName: 'x' })).toEqual({
      ok: true,
      data: { path: null, replaceConfirmed: false },
    });
  });

  it('grants recent documents listed by the host', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlarch-recent-'));
    const path = join(dir, 'Recent.mlarch');
    writeFileSync(path, '');
    const { services } = await startReady(fake);
    expect(() => services.guard?.check(path, 'open')).toThrow();
    services.recent.push({ path, name: 'Recent', openedAt: '2026-01-01T00:00:00.000Z', exists: true });
    await fake.invoke('recent.list', {});
    expect(() => services.guard?.check(path, 'open')).not.toThrow();
    expect(() => services.guard?.check(path, 'write')).toThrow();
  });
});
