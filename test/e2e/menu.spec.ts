import type { Page } from '@playwright/test';
import { installMenuBridge, sendMenuCommand } from './bridge.ts';
import { expect, test } from './fixtures.ts';
import { createDesign, dropFromPalette, node, nodes, selectNode } from './helpers.ts';

/*
 * The Electron menu's commands, sent through a stand-in for the preload (see bridge.ts), in Chromium
 * against the web host.
 */

const nameField = (page: Page) =>
  page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Name', { exact: true });

test('a file the app is launched with opens even though main sends it before React listens', async ({
  page,
  host,
}) => {
  const created = await host.call('doc.new', { name: 'Launched with', templateId: null });
  const { docId, path } = created.data as { docId: string; path: string };
  await host.call('doc.close', { docId });

  await installMenuBridge(page, host.token, { command: 'open-path', path });
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Launched with' })).toBeVisible();
});

test('undo, redo, delete and select all act on a focused text field, otherwise on the design', async ({
  page,
  host,
}) => {
  await installMenuBridge(page, host.token);
  await page.goto(host.url);
  await createDesign(page, 'Menu edits');
  await dropFromPalette(page, 'Cache', { x: 200, y: 200 });
  await expect(nodes(page)).toHaveCount(1);

  // Typing in the inspector's name field, then Edit › Undo: the field's own undo, not the design's.
  await selectNode(page, 'Cache');
  await nameField(page).click();
  await nameField(page).press('End');
  await nameField(page).pressSequentially(' tier');
  await expect(nameField(page)).toHaveValue('Cache tier');
  await sendMenuCommand(page, { command: 'undo' });
  await expect(nameField(page)).toHaveValue('Cache');
  await expect(nodes(page)).toHaveCount(1);
  await sendMenuCommand(page, { command: 'redo' });
  await expect(nameField(page)).toHaveValue('Cache tier');

  // Select All selects the field's text; Delete removes it. The component stays.
  await sendMenuCommand(page, { command: 'select-all' });
  expect(
    await nameField(page).evaluate((el: { selectionStart: number | null; selectionEnd: number | null }) => [
      el.selectionStart,
      el.selectionEnd,
    ]),
  ).toEqual([0, 'Cache tier'.length]);
  await sendMenuCommand(page, { command: 'delete' });
  await expect(nameField(page)).toHaveValue('');
  await expect(nodes(page)).toHaveCount(1);
  await nameField(page).press('Escape');
  await expect(nameField(page)).not.toBeFocused();

  // With the focus outside text fields the same commands edit the design.
  await sendMenuCommand(page, { command: 'undo' });
  await expect(nodes(page)).toHaveCount(0);
  await sendMenuCommand(page, { command: 'redo' });
  await expect(node(page, 'Cache')).toBeVisible();
  await sendMenuCommand(page, { command: 'select-all' });
  await expect(node(page, 'Cache')).toHaveClass(/selected/);
  await sendMenuCommand(page, { command: 'delete' });
  await expect(nodes(page)).toHaveCount(0);
});

test('View › Toggle Dock, Help › About, and edits on the start screen', async ({ page, host }) => {
  await installMenuBridge(page, host.token);
  await page.goto(host.url);

  // About works from the start screen too.
  await sendMenuCommand(page, { command: 'about' });
  const about = page.getByRole('dialog', { name: 'About MLArch Studio' });
  await expect(about).toBeVisible();
  const info = (await host.call('app.info', {})).data as { version: string };
  await expect(about).toContainText(info.version);
  await expect(about).toContainText('Browser, served by the local web host');
  await expect(about).not.toContainText('Open design');
  await page.keyboard.press('Escape');
  await expect(about).toHaveCount(0);

  // Edit commands reach the start screen's text fields as well.
  const designName = page.getByLabel('Design name');
  await designName.click();
  await designName.pressSequentially('Draft');
  await sendMenuCommand(page, { command: 'select-all' });
  await sendMenuCommand(page, { command: 'delete' });
  await expect(designName).toHaveValue('');
  await sendMenuCommand(page, { command: 'undo' });
  await expect(designName).toHaveValue('Draft');
  await designName.fill('');

  await createDesign(page, 'About me');
  await sendMenuCommand(page, { command: 'about' });
  await expect(about).toContainText('Open design');
  await expect(about).toContainText('About me.mlarch');
  await about.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(about).toHaveCount(0);

  await sendMenuCommand(page, { command: 'toggle-dock' });
  await expect(page.getByRole('region', { name: 'Dock' })).toBeVisible();
  await sendMenuCommand(page, { command: 'toggle-dock' });
  await expect(page.getByRole('region', { name: 'Dock' })).toHaveCount(0);
});
