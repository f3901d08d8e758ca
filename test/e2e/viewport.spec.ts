import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import type { WebHost } from './fixtures.ts';
import { canvas, createDesign, dropFromPalette, nodes, onlyDocumentPath, waitSaved } from './helpers.ts';

/** React Flow's viewport as the page draws it: the transform of `.react-flow__viewport`. */
function viewportTransform(page: Page): Promise<string> {
  return page.locator('.react-flow__viewport').evaluate((el) => el.style.transform);
}

/** The open design as the host holds it: revision and the first scenario's saved viewport. */
async function hostView(host: WebHost, path: string): Promise<{ revision: number; viewport: unknown }> {
  const opened = await host.call('doc.open', { path });
  if (!opened.ok) throw new Error(opened.error);
  const data = opened.data as { revision: number; design: { scenarios: { viewport: unknown }[] } };
  return { revision: data.revision, viewport: data.design.scenarios[0]?.viewport ?? null };
}

test('panning and zooming is saved per scenario and restored after a reload', async ({ app: page, host }) => {
  await createDesign(page, 'Viewport');
  await dropFromPalette(page, 'Client app', { x: 200, y: 150 });
  await dropFromPalette(page, 'Model server', { x: 500, y: 300 });
  await expect(nodes(page)).toHaveCount(2);
  await waitSaved(page);
  const path = await onlyDocumentPath(host);

  // Opening the design fits the view to it, and that alone writes nothing to the file.
  await page.reload();
  await expect(nodes(page)).toHaveCount(2);
  const opened = await hostView(host, path);
  expect(opened.viewport).toBeNull();
  await page.waitForTimeout(1_000);
  expect((await hostView(host, path)).revision).toBe(opened.revision);

  // React Flow's own zoom buttons move the view without a pointer event: still the user's move, saved.
  await page.locator('.react-flow__controls-zoomin').click();
  await expect.poll(async () => (await hostView(host, path)).viewport).not.toBeNull();
  const zoomed = (await hostView(host, path)).viewport;

  // After a reload the history starts empty: make one edit to take back later.
  await dropFromPalette(page, 'Feature store', { x: 300, y: 420 });
  await expect(nodes(page)).toHaveCount(3);

  // Pan by dragging the empty canvas, then zoom with the wheel.
  const pane = await canvas(page).boundingBox();
  if (!pane) throw new Error('The canvas is not visible.');
  const start = { x: pane.x + pane.width / 2, y: pane.y + pane.height - 60 };
  const before = await viewportTransform(page);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x - 120, start.y - 80, { steps: 10 });
  await page.mouse.up();
  await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
  await page.mouse.wheel(0, -300);
  await expect.poll(() => viewportTransform(page)).not.toBe(before);
  // Wait for the view to settle, then for the debounced write to reach the file.
  let moved = '';
  await expect
    .poll(async () => {
      const now = await viewportTransform(page);
      const settled = now === moved;
      moved = now;
      return settled;
    })
    .toBe(true);
  await expect.poll(async () => (await hostView(host, path)).viewport).not.toEqual(zoomed);
  await waitSaved(page);

  // Undo still takes back the last edit, and leaves the view where the user put it.
  await page.keyboard.press('Control+z');
  await expect(nodes(page)).toHaveCount(2);
  expect(await viewportTransform(page)).toBe(moved);
  await page.keyboard.press('Control+Shift+z');
  await expect(nodes(page)).toHaveCount(3);
  await waitSaved(page);

  await page.reload();
  await expect(nodes(page)).toHaveCount(3);
  expect(await viewportTransform(page)).toBe(moved);
});

test('each scenario keeps its own view; one never seen before is fitted', async ({ app: page }) => {
  await page.getByRole('button', { name: /^New from template Real-time/ }).click();
  const scenario = page.getByLabel('Scenario');
  await expect(scenario.locator('option')).toHaveCount(2);
  await expect(nodes(page).first()).toBeVisible();
  const fitted = await viewportTransform(page);

  // Zoom into the first scenario and wait for the view to be written.
  await page.locator('.react-flow__controls-zoomin').click();
  await page.locator('.react-flow__controls-zoomin').click();
  await expect.poll(() => viewportTransform(page)).not.toBe(fitted);
  await waitSaved(page);
  let zoomedIn = '';
  await expect
    .poll(async () => {
      const now = await viewportTransform(page);
      const settled = now === zoomedIn;
      zoomedIn = now;
      return settled;
    })
    .toBe(true);

  // The second scenario has no saved view: it is fitted to its own components.
  const [first, second] = await scenario.locator('option').allTextContents();
  await scenario.selectOption({ label: second ?? '' });
  await expect.poll(() => viewportTransform(page)).not.toBe(zoomedIn);

  // Back to the first: the view the user left there.
  await scenario.selectOption({ label: first ?? '' });
  await expect.poll(() => viewportTransform(page)).toBe(zoomedIn);
});
