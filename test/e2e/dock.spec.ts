import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { canvas, connectNodes, createDesign, dropFromPalette, node, nodes } from './helpers.ts';

const dock = (page: Page) => page.getByRole('region', { name: 'Dock' });
const dockButton = (page: Page) => page.getByRole('button', { name: 'Dock', exact: true });
const componentsTable = (page: Page) => dock(page).getByRole('table', { name: 'Components' });

/** The first cell of each body row: the names, in the order shown. */
function firstColumn(table: Locator): Promise<string[]> {
  return table.locator('tbody tr td:first-child').allInnerTexts();
}

/** The pixel distance between the centre of a node and the centre of the canvas. */
async function offCentre(page: Page, name: string): Promise<number> {
  const box = await node(page, name).boundingBox();
  const pane = await canvas(page).boundingBox();
  if (!box || !pane) return Number.POSITIVE_INFINITY;
  return Math.hypot(
    box.x + box.width / 2 - (pane.x + pane.width / 2),
    box.y + box.height / 2 - (pane.y + pane.height / 2),
  );
}

test('the dock lists the scenario, sorts, filters and selects on the canvas', async ({ app: page }) => {
  await createDesign(page, 'Dock tour');
  await expect(dock(page)).toHaveCount(0);
  await expect(dockButton(page)).toHaveAttribute('aria-pressed', 'false');

  await page.keyboard.press('Control+j');
  await expect(dock(page)).toBeVisible();
  await expect(dockButton(page)).toHaveAttribute('aria-pressed', 'true');
  await expect(dock(page).getByText('No components yet: drag one from the palette.')).toBeVisible();

  await dropFromPalette(page, 'Model server', { x: 150, y: 120 });
  await dropFromPalette(page, 'API gateway', { x: 450, y: 120 });
  await dropFromPalette(page, 'Client app', { x: 300, y: 260 });
  await expect(nodes(page)).toHaveCount(3);
  const table = componentsTable(page);
  await expect(table.locator('tbody tr')).toHaveCount(3);
  expect(await firstColumn(table)).toEqual(['Model server', 'API gateway', 'Client app']);

  // Sort by name, then the other way.
  const nameHeader = table.getByRole('columnheader', { name: 'Name' });
  await nameHeader.getByRole('button').click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
  expect(await firstColumn(table)).toEqual(['API gateway', 'Client app', 'Model server']);
  await nameHeader.getByRole('button').click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
  expect(await firstColumn(table)).toEqual(['Model server', 'Client app', 'API gateway']);

  // A row click selects the component (the inspector shows it) and centres the view on it.
  await table.getByRole('row', { name: /API gateway/ }).click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector.getByLabel('Name', { exact: true })).toHaveValue('API gateway');
  await expect(node(page, 'API gateway')).toHaveClass(/selected/);
  await expect.poll(() => offCentre(page, 'API gateway')).toBeLessThan(4);
  await expect(table.getByRole('row', { name: /API gateway/ })).toHaveClass(/selected/);

  // Filter
  await dock(page).getByLabel('Filter components').fill('gate');
  expect(await firstColumn(table)).toEqual(['API gateway']);
  await dock(page).getByLabel('Filter components').fill('no such thing');
  await expect(dock(page).getByText('No components match “no such thing”.')).toBeVisible();
  await dock(page).getByRole('button', { name: 'Clear the filter' }).click();
  await expect(table.locator('tbody tr')).toHaveCount(3);

  // Connections: source → target, and a click selects the connection.
  await connectNodes(page, 'Client app', 'Model server');
  await dock(page).getByRole('tab', { name: 'Connections' }).click();
  const connections = dock(page).getByRole('table', { name: 'Connections' });
  await expect(connections.locator('tbody tr')).toHaveCount(1);
  await expect(connections.locator('tbody tr')).toContainText('Client app → Model server');
  await expect(connections.locator('tbody tr')).toContainText('Call');
  await connections.locator('tbody tr').click();
  await expect(inspector.getByRole('heading', { name: 'Connection' })).toBeVisible();
});

test('the dock stays open, on its tab and at its height across reloads', async ({ app: page }) => {
  await createDesign(page, 'Dock prefs');
  await dockButton(page).click();
  await expect(dock(page)).toBeVisible();
  await dock(page).getByRole('tab', { name: 'Connections' }).click();
  await expect(dock(page).getByText(/No connections yet/)).toBeVisible();

  // Keyboard resize: the top edge is a separator the arrow keys move.
  const edge = dock(page).getByRole('separator', { name: 'Resize dock' });
  const before = Number(await edge.getAttribute('aria-valuenow'));
  await edge.focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Shift+ArrowUp');
  await expect(edge).toHaveAttribute('aria-valuenow', String(before + 80));
  const height = (await dock(page).boundingBox())?.height;

  // Pointer resize: drag the edge down by 40 px.
  const box = await edge.boundingBox();
  if (!box) throw new Error('The dock edge is not visible.');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + 40, { steps: 5 });
  await page.mouse.up();
  await expect(edge).toHaveAttribute('aria-valuenow', String(before + 40));
  expect((await dock(page).boundingBox())?.height).toBeCloseTo((height ?? 0) - 40, 0);

  await page.reload();
  await expect(dock(page)).toBeVisible();
  await expect(dock(page).getByRole('tab', { name: 'Connections' })).toHaveAttribute('aria-selected', 'true');
  await expect(dock(page).getByRole('separator', { name: 'Resize dock' })).toHaveAttribute(
    'aria-valuenow',
    String(before + 40),
  );

  await page.keyboard.press('Control+j');
  await expect(dock(page)).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Dock prefs' })).toBeVisible();
  await expect(dock(page)).toHaveCount(0);
  await expect(dockButton(page)).toHaveAttribute('aria-pressed', 'false');
});
