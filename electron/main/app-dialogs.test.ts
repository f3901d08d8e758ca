import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFakeElectron, type FakeElectron } from './testing/fake-electron.ts';
import { allowedPurposes, startReady, workspace } from './testing/start-app.ts';

let fake: FakeElectron;
beforeEach(() => {
  fake = createFakeElectron();
});

const elsewhere = (name: string): string => join(tmpdir(), 'mlarch-elsewhere', name);

/** Plays the user picking `path` in the Open dialog and the renderer opening it; answers its docId. */
async function openThroughDialog(path: string): Promise<string> {
  fake.dialogState.openResult = { canceled: false, filePaths: [path] };
  expect(await fake.invoke('dialog.openDocument', {})).toEqual({ ok: true, data: { path } });
  const opened = (await fake.invoke('doc.open', { path })) as { ok: boolean; data: { docId: string } };
  expect(opened.ok).toBe(true);
  return opened.data.docId;
}

describe('dialogs and path grants', () => {
  it('grants the path picked in the Open dialog for opening only, and no other path', async () => {
    const { guard } = await startReady(fake);
    const picked = elsewhere('Picked.mlarch');
    expect(() => guard.check(picked, 'open')).toThrow(/Open…/);
    fake.dialogState.openResult = { canceled: false, filePaths: [picked] };
    expect(await fake.invoke('dialog.openDocument', {})).toEqual({ ok: true, data: { path: picked } });
    expect(fake.dialogState.openCalls[0]?.filters).toEqual([
      { name: 'MLArch design', extensions: ['mlarch'] },
    ]);
    expect(allowedPurposes(guard, picked)).toEqual(['open']);
    expect(allowedPurposes(guard, elsewhere('Other.mlarch'))).toEqual([]);
  });

  it('grants the Save dialog path for writing and opening, adding the extension, never replacing', async () => {
    const { guard } = await startReady(fake);
    const chosen = elsewhere('Copy');
    fake.dialogState.saveResult = { canceled: false, filePath: chosen };
    const result = await fake.invoke('dialog.saveDocument', { suggestedName: 'My: design' });
    expect(result).toEqual({ ok: true, data: { path: `${chosen}.mlarch`, replaceConfirmed: false } });
    expect(fake.dialogState.saveCalls[0]?.defaultPath).toBe(join(workspace, 'My- design.mlarch'));
    // The dialog never asked about replacing the completed name, so replacing it stays refused.
    expect(allowedPurposes(guard, `${chosen}.mlarch`)).toEqual(['open', 'write']);
    expect(() => guard.check(`${chosen}.mlarch`, 'replace')).toThrow(/already exists/);
    expect(allowedPurposes(guard, chosen)).toEqual([]);
  });

  it('lets Save As replace only the existing file the dialog confirmed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlarch-replace-'));
    const existing = join(dir, 'Existing.mlarch');
    writeFileSync(existing, '');
    const { guard } = await startReady(fake);
    fake.dialogState.saveResult = { canceled: false, filePath: existing };
    const result = await fake.invoke('dialog.saveDocument', { suggestedName: 'Existing' });
    expect(result).toEqual({ ok: true, data: { path: existing, replaceConfirmed: true } });
    expect(allowedPurposes(guard, existing)).toEqual(['open', 'write', 'replace']);
    const inWorkspace = join(workspace, 'Other.mlarch');
    expect(allowedPurposes(guard, inWorkspace)).toEqual(['open', 'write']);
    expect(() => guard.check(inWorkspace, 'replace')).toThrow(/already exists/);
  });

  it('answers null when a dialog is cancelled, granting nothing', async () => {
    const { guard } = await startReady(fake);
    expect(await fake.invoke('dialog.openDocument', {})).toEqual({ ok: true, data: { path: null } });
    expect(await fake.invoke('dialog.saveDocument', { suggestedName: 'x' })).toEqual({
      ok: true,
      data: { path: null, replaceConfirmed: false },
    });
    expect(allowedPurposes(guard, join(tmpdir(), 'x.mlarch'))).toEqual([]);
  });

  it('grants opening exactly the recent documents the host lists', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlarch-recent-'));
    const path = join(dir, 'Recent.mlarch');
    writeFileSync(path, '');
    const { guard, services } = await startReady(fake);
    expect(allowedPurposes(guard, path)).toEqual([]);
    services.recent.push({ path, name: 'Recent', openedAt: '2026-01-01T00:00:00.000Z', exists: true });
    await fake.invoke('recent.list', {});
    expect(allowedPurposes(guard, path)).toEqual(['open']);
    // Clearing the list takes the grant with it.
    await fake.invoke('recent.clear', {});
    await fake.invoke('recent.list', {});
    expect(allowedPurposes(guard, path)).toEqual([]);
  });
});

describe('path grants end with the document session', () => {
  it('ends an Open grant when its document is closed', async () => {
    const { guard } = await startReady(fake);
    const picked = elsewhere('Picked.mlarch');
    const docId = await openThroughDialog(picked);
    expect(allowedPurposes(guard, picked)).toEqual(['open']);
    expect(await fake.invoke('doc.close', { docId })).toEqual({ ok: true, data: {} });
    expect(allowedPurposes(guard, picked)).toEqual([]);
    expect(await fake.invoke('doc.open', { path: picked })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/file dialog/),
    });
  });

  it('ends an Open grant when another document replaces it', async () => {
    const { guard } = await startReady(fake);
    const first = elsewhere('First.mlarch');
    const second = elsewhere('Second.mlarch');
    const firstId = await openThroughDialog(first);
    // The renderer opens the next document, then closes the one it replaces.
    await openThroughDialog(second);
    await fake.invoke('doc.close', { docId: firstId });
    expect(allowedPurposes(guard, first)).toEqual([]);
    expect(allowedPurposes(guard, second)).toEqual(['open']);
  });

  it('moves a Save As grant to the copy, ends the original, and ends the copy with it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlarch-saveas-'));
    const existing = join(dir, 'Existing.mlarch');
    writeFileSync(existing, '');
    const { guard } = await startReady(fake);
    const original = elsewhere('Original.mlarch');
    const originalId = await openThroughDialog(original);
    fake.dialogState.saveResult = { canceled: false, filePath: existing };
    await fake.invoke('dialog.saveDocument', { suggestedName: 'Existing' });
    const copy = (await fake.invoke('doc.saveAs', {
      docId: originalId,
      path: existing,
      overwrite: true,
    })) as { ok: boolean; data: { docId: string } };
    expect(copy.ok).toBe(true);
    expect(allowedPurposes(guard, original)).toEqual([]);
    expect(allowedPurposes(guard, existing)).toEqual(['open', 'write', 'replace']);
    await fake.invoke('doc.close', { docId: copy.data.docId });
    // A page that was later compromised cannot overwrite the file chosen back then.
    expect(allowedPurposes(guard, existing)).toEqual([]);
  });

  it('ends a Save As grant that was never used when its document closes', async () => {
    const { guard } = await startReady(fake);
    const docId = await openThroughDialog(elsewhere('Open.mlarch'));
    fake.dialogState.saveResult = { canceled: false, filePath: elsewhere('Unused.mlarch') };
    await fake.invoke('dialog.saveDocument', { suggestedName: 'Unused' });
    expect(allowedPurposes(guard, elsewhere('Unused.mlarch'))).toEqual(['open', 'write']);
    await fake.invoke('doc.close', { docId });
    expect(allowedPurposes(guard, elsewhere('Unused.mlarch'))).toEqual([]);
  });

  it('ends every grant when the window closes, keeping the workspace', async () => {
    const { guard, window } = await startReady(fake, { platform: 'darwin' });
    const picked = elsewhere('Picked.mlarch');
    await openThroughDialog(picked);
    window.close();
    expect(allowedPurposes(guard, picked)).toEqual([]);
    expect(allowedPurposes(guard, join(workspace, 'W.mlarch'))).toEqual(['open', 'write']);
  });
});
