import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import {
  createDesign,
  dropFromPalette,
  inspectorPosition,
  node,
  onlyDocumentPath,
  readFromDisk,
  selectNode,
  waitSaved,
} from './helpers.ts';

function boundary(page: Page): Locator {
  return page.locator('.react-flow__node-boundary');
}

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const found = await locator.boundingBox();
  if (!found) throw new Error('The element is not visible.');
  return found;
}

/** The "x …, y …" of the inspector as numbers (the drops are rounded to whole canvas units). */
async function position(page: Page): Promise<{ x: number; y: number }> {
  const [, x, y] = /^x (-?\d+), y (-?\d+)/.exec(await inspectorPosition(page)) ?? [];
  return { x: Number(x), y: Number(y) };
}

test('resizing a boundary from its top-left corner leaves what is inside where it was', async ({
  app: page,
  host,
}) => {
  await createDesign(page, 'Resize');
  await dropFromPalette(page, 'Region', { x: 150, y: 150 });
  await dropFromPalette(page, 'Cache', { x: 320, y: 280 });
  const cachePosition = await position(page);
  await boundary(page).locator('.flow-boundary-label').click();
  const regionPosition = await position(page);
  const cacheOnScreen = await box(node(page, 'Cache'));
  const regionOnScreen = await box(boundary(page));

  const handle = await box(boundary(page).locator('.react-flow__resize-control.handle.top.left'));
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(handle.x + handle.width / 2 - 80, handle.y + handle.height / 2 - 50, { steps: 10 });
  await page.mouse.up();
  await waitSaved(page);

  // The region grew up and to the left; the cache inside it did not move on screen.
  const grown = await box(boundary(page));
  expect(grown.x).toBeCloseTo(regionOnScreen.x - 80, 0);
  expect(grown.y).toBeCloseTo(regionOnScreen.y - 50, 0);
  const cacheAfter = await box(node(page, 'Cache'));
  expect(cacheAfter.x).toBeCloseTo(cacheOnScreen.x, 0);
  expect(cacheAfter.y).toBeCloseTo(cacheOnScreen.y, 0);

  // In the file: the region's corner moved and the cache, placed relative to it, moved back by as much.
  await host.restart();
  const design = await readFromDisk(host, await onlyDocumentPath(host));
  const region = design.components.find((c) => c.kind === 'region')!;
  const cache = design.components.find((c) => c.kind === 'cache')!;
  expect(region.position.x).toBeLessThan(regionPosition.x);
  expect(region.position.y).toBeLessThan(regionPosition.y);
  expect(region.position.x + cache.position.x).toBeCloseTo(regionPosition.x + cachePosition.x, 6);
  expect(region.position.y + cache.position.y).toBeCloseTo(regionPosition.y + cachePosition.y, 6);
});

test('undoing a corner resize puts the boundary and its contents back in one step', async ({ app: page }) => {
  await createDesign(page, 'Resize undo');
  await dropFromPalette(page, 'Region', { x: 150, y: 150 });
  await dropFromPalette(page, 'Cache', { x: 320, y: 280 });
  await boundary(page).locator('.flow-boundary-label').click();
  const regionOnScreen = await box(boundary(page));
  const cacheOnScreen = await box(node(page, 'Cache'));
  const handle = await box(boundary(page).locator('.react-flow__resize-control.handle.top.left'));
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(handle.x + handle.width / 2 - 60, handle.y + handle.height / 2 - 40, { steps: 10 });
  await page.mouse.up();
  await waitSaved(page);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await waitSaved(page);
  const restored = await box(boundary(page));
  expect(restored.x).toBeCloseTo(regionOnScreen.x, 0);
  expect(restored.y).toBeCloseTo(regionOnScreen.y, 0);
  expect(restored.width).toBeCloseTo(regionOnScreen.width, 0);
  const cacheAfter = await box(node(page, 'Cache'));
  expect(cacheAfter.x).toBeCloseTo(cacheOnScreen.x, 0);
  expect(cacheAfter.y).toBeCloseTo(cacheOnScreen.y, 0);
  await selectNode(page, 'Cache');
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toContainText('in Region');
});
