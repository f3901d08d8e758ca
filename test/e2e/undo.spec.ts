import type { Page } from '@playwright/test';
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

const undoButton = (page: Page) => page.getByRole('button', { name: 'Undo', exact: true });
const redoButton = (page: Page) => page.getByRole('button', { name: 'Redo', exact: true });

test('every edit undoes and redoes, and the file agrees', async ({ app: page, host }) => {
  await createDesign(page, 'Undo tour');
  await expect(undoButton(page)).toBeDisabled();

  // Add
  await dropFromPalette(page, 'Client app', { x: 150, y: 150 });
  await expect(nodes(page)).toHaveCount(1);
  await expect(undoButton(page)).toHaveAttribute('title', /Undo Add Client app \((Ctrl\+Z|⌘Z)\)/);
  await undoButton(page).click();
  await expect(nodes(page)).toHaveCount(0);
  await redoButton(page).click();
  await expect(node(page, 'Client app')).toBeVisible();

  await dropFromPalette(page, 'Model server', { x: 500, y: 150 });
  await expect(nodes(page)).toHaveCount(2);

  // Connect (keyboard shortcuts, focus on the canvas)
  await connectNodes(page, 'Client app', 'Model server');
  await expect(edges(page)).toHaveCount(1);
  await page.keyboard.press('Control+z');
  await expect(edges(page)).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(edges(page)).toHaveCount(1);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+y');
  await expect(edges(page)).toHaveCount(1);

  // Rename
  await selectNode(page, 'Model server');
  await renameSelected(page, 'Scorer');
  await expect(node(page, 'Scorer')).toBeVisible();
  await undoButton(page).click();
  await expect(node(page, 'Model server')).toBeVisible();
  await expect(
    page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Name', { exact: true }),
  ).toHaveValue('Model server');
  await redoButton(page).click();
  await expect(node(page, 'Scorer')).toBeVisible();

  // Move: one drag is one undo step
  await selectNode(page, 'Scorer');
  const start = await inspectorPosition(page);
  await dragNode(page, 'Scorer', 150, 120);
  await expect.poll(() => inspectorPosition(page)).not.toBe(start);
  const moved = await inspectorPosition(page);
  await undoButton(page).click();
  await expect.poll(() => inspectorPosition(page)).toBe(start);
  await redoButton(page).click();
  await expect.poll(() => inspectorPosition(page)).toBe(moved);

  // Delete a connected component: its connection goes with it, in one step
  await selectNode(page, 'Client app');
  await page.keyboard.press('Delete');
  await expect(nodes(page)).toHaveCount(1);
  await expect(edges(page)).toHaveCount(0);
  await undoButton(page).click();
  await expect(nodes(page)).toHaveCount(2);
  await expect(edges(page)).toHaveCount(1);
  await redoButton(page).click();
  await expect(nodes(page)).toHaveCount(1);
  await expect(edges(page)).toHaveCount(0);
  await undoButton(page).click();
  await expect(edges(page)).toHaveCount(1);
  await waitSaved(page);

  // After a reload the document is the same; the history starts afresh (opening is not undoable).
  await page.reload();
  await expect(nodes(page)).toHaveCount(2);
  await expect(edges(page)).toHaveCount(1);
  await expect(undoButton(page)).toBeDisabled();
  await selectNode(page, 'Scorer');
  expect(await inspectorPosition(page)).toBe(moved);

  await host.restart();
  const design = await readFromDisk(host, await onlyDocumentPath(host));
  expect(design.components.map((c) => c.name).sort()).toEqual(['Client app', 'Scorer']);
  expect(design.connections).toHaveLength(1);
  const scorer = design.components.find((c) => c.name === 'Scorer')!;
  expect(`x ${Math.round(scorer.position.x)}, y ${Math.round(scorer.position.y)}`).toBe(moved);
});

test('a multi-selection drag is one undo step', async ({ app: page }) => {
  await createDesign(page, 'Group move');
  await dropFromPalette(page, 'Client app', { x: 150, y: 150 });
  await dropFromPalette(page, 'Cache', { x: 150, y: 350 });
  await selectNode(page, 'Client app');
  const first = await inspectorPosition(page);
  await page.keyboard.press('Control+a');
  await expect(page.getByText('2 components selected.')).toBeVisible();
  await dragNode(page, 'Cache', 200, 0);
  await expect(undoButton(page)).toHaveAttribute('title', /Undo Move 2 components/);
  await undoButton(page).click();
  // Escape clears the selection, so the next click selects one component.
  await page.keyboard.press('Escape');
  await expect(page.getByText('Select a component or a connection')).toBeVisible();
  await selectNode(page, 'Client app');
  expect(await inspectorPosition(page)).toBe(first);
  await redoButton(page).click();
  await expect.poll(() => inspectorPosition(page)).not.toBe(first);
  await expect(undoButton(page)).toHaveAttribute('title', /Undo Move 2 components/);
});
