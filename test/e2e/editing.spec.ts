import { expect, test } from './fixtures.ts';
import {
  connectNodes,
  createDesign,
  dragNode,
  dropFromPalette,
  edges,
  inspectorPosition,
  node,
  nodes,
  onlyDocumentPath,
  readFromDisk,
  renameSelected,
  selectNode,
  waitSaved,
} from './helpers.ts';

test('a design built on the canvas survives a reload and is on disk', async ({ app: page, host }) => {
  await createDesign(page, 'Fraud scoring');
  await expect(page).toHaveTitle('Fraud scoring — MLArch Studio');
  await expect(page.getByText('This scenario is empty')).toBeVisible();

  await dropFromPalette(page, 'Client app', { x: 150, y: 150 });
  await dropFromPalette(page, 'API gateway', { x: 450, y: 150 });
  await dropFromPalette(page, 'Model server', { x: 450, y: 400 });
  await expect(nodes(page)).toHaveCount(3);
  await expect(page.getByText('This scenario is empty')).toHaveCount(0);

  await connectNodes(page, 'Client app', 'API gateway');
  await expect(edges(page)).toHaveCount(1);

  await selectNode(page, 'Model server');
  await renameSelected(page, 'Scoring model');
  await expect(node(page, 'Scoring model')).toBeVisible();
  await expect(node(page, 'Model server')).toHaveCount(0);

  // A drag is one move, written when it ends.
  await selectNode(page, 'API gateway');
  const before = await inspectorPosition(page);
  await dragNode(page, 'API gateway', 120, 80);
  await expect.poll(() => inspectorPosition(page)).not.toBe(before);
  const moved = await inspectorPosition(page);
  await waitSaved(page);

  await page.reload();
  await expect(nodes(page)).toHaveCount(3);
  await expect(node(page, 'Scoring model')).toBeVisible();
  await expect(node(page, 'Client app')).toBeVisible();
  await expect(edges(page)).toHaveCount(1);
  await selectNode(page, 'API gateway');
  expect(await inspectorPosition(page)).toBe(moved);

  // A new host process reads the file itself: what it shows came from disk.
  await host.restart();
  const path = await onlyDocumentPath(host);
  const design = await readFromDisk(host, path);
  expect(design.meta.name).toBe('Fraud scoring');
  expect(design.components.map((c) => c.name).sort()).toEqual(['API gateway', 'Client app', 'Scoring model']);
  const byName = new Map(design.components.map((c) => [c.name, c]));
  expect(design.connections).toHaveLength(1);
  expect(design.connections[0]).toMatchObject({
    sourceId: byName.get('Client app')!.id,
    targetId: byName.get('API gateway')!.id,
  });
  const gateway = byName.get('API gateway')!;
  expect(`x ${Math.round(gateway.position.x)}, y ${Math.round(gateway.position.y)}`).toBe(moved);

  await page.goto(host.url);
  await expect(nodes(page)).toHaveCount(3);
  await expect(edges(page)).toHaveCount(1);
  await expect(node(page, 'Scoring model')).toBeVisible();
});

test('refuses a duplicate connection with a message', async ({ app: page }) => {
  await createDesign(page, 'Duplicates');
  await dropFromPalette(page, 'Client app', { x: 150, y: 150 });
  await dropFromPalette(page, 'API gateway', { x: 450, y: 150 });
  await connectNodes(page, 'Client app', 'API gateway');
  await expect(edges(page)).toHaveCount(1);
  await connectNodes(page, 'Client app', 'API gateway');
  await expect(page.getByRole('alert')).toContainText('already');
  await expect(edges(page)).toHaveCount(1);
  await page.getByRole('button', { name: 'Dismiss message' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('components go into and out of boundaries', async ({ app: page }) => {
  await createDesign(page, 'Regions');
  await dropFromPalette(page, 'Region', { x: 100, y: 100 });
  await dropFromPalette(page, 'Cache', { x: 220, y: 220 });
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toContainText('in Region');
  // Dragged out onto the open canvas: no longer in the region, and it stays where it was dropped.
  await dragNode(page, 'Cache', 0, 320);
  await expect(page.getByRole('complementary', { name: 'Inspector' })).not.toContainText('in Region');
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toContainText('in Region');
});

test('Save As continues on a copy in the workspace', async ({ app: page, host }) => {
  await createDesign(page, 'Original');
  await dropFromPalette(page, 'Cache', { x: 200, y: 200 });
  await page.getByRole('button', { name: 'Save As…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save a copy as' });
  await dialog.getByLabel('File name').fill('Copy of original');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('title', /Copy of original\.mlarch$/);
  // Edits now go to the copy; the original keeps one component.
  await dropFromPalette(page, 'Queue', { x: 400, y: 200 });
  await waitSaved(page);
  await host.restart();
  const files = (await host.call('workspace.list', {})).data as { name: string; path: string }[];
  const byName = new Map(files.map((f) => [f.name, f.path]));
  expect((await readFromDisk(host, byName.get('Original')!)).components).toHaveLength(1);
  expect((await readFromDisk(host, byName.get('Copy of original')!)).components).toHaveLength(2);
});
