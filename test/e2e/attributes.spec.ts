import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import {
  connectNodes,
  createDesign,
  dropFromPalette,
  edges,
  inspector,
  onlyDocumentPath,
  openSection,
  readFromDisk,
  selectEdge,
  selectNode,
  setAttributeText,
  waitSaved,
} from './helpers.ts';

const undoButton = (page: Page) => page.getByRole('button', { name: 'Undo', exact: true });
const field = (page: Page, label: string) => inspector(page).getByLabel(label, { exact: true });

/** Counts the writes the page sends to the host from now on. */
function countWrites(page: Page): { readonly count: number } {
  const counter = { count: 0 };
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/doc.apply') counter.count += 1;
  });
  return counter;
}

test('a component’s attributes are edited in the inspector, undone, and kept in the file', async ({
  app: page,
  host,
}) => {
  await createDesign(page, 'Attributes');
  await dropFromPalette(page, 'Model server', { x: 300, y: 200 });

  // Latency, Availability and Cost start open; the help text describes each control.
  const p95 = field(page, 'p95 latency');
  await expect(p95).toHaveValue('70');
  await expect(p95).toHaveAccessibleDescription(/95th-percentile time per call/);
  await expect(field(page, 'Availability')).toHaveAccessibleDescription(/assumed/);
  await expect(inspector(page).getByRole('button', { name: 'Deployment' })).toHaveAttribute(
    'aria-expanded',
    'false',
  );

  await setAttributeText(page, 'p95 latency', '120');
  await expect(p95).toHaveValue('120');
  await expect(p95).toBeFocused();
  await expect(undoButton(page)).toHaveAttribute('title', /Undo Change p95 latency/);
  // The same value again is no edit.
  await p95.press('Enter');
  await waitSaved(page);

  // Undo and redo from the canvas.
  await selectNode(page, 'Model server');
  await page.keyboard.press('Control+z');
  await expect(p95).toHaveValue('70');
  await expect(undoButton(page)).toHaveAttribute('title', /Undo Add Model server/);
  await page.keyboard.press('Control+Shift+z');
  await expect(p95).toHaveValue('120');

  await openSection(page, 'Deployment');
  const replicas = field(page, 'Replicas');
  await replicas.fill('3');
  await replicas.press('Tab'); // leaving the field commits too
  await expect(undoButton(page)).toHaveAttribute('title', /Undo Change Replicas/);
  await field(page, 'Autoscaling').uncheck();
  await field(page, 'GPU type').selectOption('h100');
  await openSection(page, 'Compliance');
  await inspector(page)
    .getByRole('group', { name: 'Data classes' })
    .getByRole('checkbox', { name: 'pii' })
    .check();
  await expect(undoButton(page)).toHaveAttribute('title', /Undo Change Data classes/);
  await waitSaved(page);

  // After a reload the values come back, and the sections the user opened are still open.
  await page.reload();
  await selectNode(page, 'Model server');
  await expect(field(page, 'p95 latency')).toHaveValue('120');
  await expect(field(page, 'Replicas')).toHaveValue('3');
  await expect(field(page, 'Autoscaling')).not.toBeChecked();
  await expect(field(page, 'GPU type')).toHaveValue('h100');
  const dataClasses = inspector(page).getByRole('group', { name: 'Data classes' });
  await expect(dataClasses.getByRole('checkbox', { name: 'pii' })).toBeChecked();
  await expect(dataClasses.getByRole('checkbox', { name: 'internal' })).toBeChecked();

  await host.restart();
  const design = await readFromDisk(host, await onlyDocumentPath(host));
  expect(design.components[0]?.attributes).toMatchObject({
    p95_ms: 120,
    replicas: 3,
    autoscaling: false,
    gpu_type: 'h100',
    data_classes: ['internal', 'pii'],
  });
});

test('a value out of range stays in the field with the reason, and nothing is sent', async ({
  app: page,
  host,
}) => {
  await createDesign(page, 'Out of range');
  await dropFromPalette(page, 'Model server', { x: 300, y: 200 });
  await waitSaved(page);
  const writes = countWrites(page);

  const availability = field(page, 'Availability');
  await availability.fill('1.5');
  await availability.press('Enter');
  await expect(availability).toHaveAttribute('aria-invalid', 'true');
  await expect(availability).toHaveAccessibleDescription(/"Availability" must be at most 1\./);
  await expect(inspector(page).getByText('"Availability" must be at most 1.')).toBeVisible();
  await availability.blur();
  await expect(availability).toHaveValue('1.5');
  await expect(availability).toHaveAttribute('aria-invalid', 'true');

  await setAttributeText(page, 'p95 latency', 'fast');
  await expect(field(page, 'p95 latency')).toHaveAttribute('aria-invalid', 'true');
  await expect(inspector(page).getByText('"p95 latency" must be a number')).toBeVisible();

  expect(writes.count).toBe(0);
  await expect(undoButton(page)).toHaveAttribute('title', /Undo Add Model server/);

  // Escape goes back to the stored value.
  await availability.press('Escape');
  await expect(availability).toHaveValue('0.999');
  await expect(availability).toHaveAttribute('aria-invalid', 'false');
  expect(writes.count).toBe(0);

  await host.restart();
  const design = await readFromDisk(host, await onlyDocumentPath(host));
  expect(design.components[0]?.attributes).toMatchObject({ availability: 0.999, p95_ms: 70 });
});

test('a connection’s kind and attributes are edited in the inspector', async ({ app: page, host }) => {
  await createDesign(page, 'Connections');
  await dropFromPalette(page, 'Client app', { x: 150, y: 200 });
  await dropFromPalette(page, 'Model server', { x: 550, y: 200 });
  await connectNodes(page, 'Client app', 'Model server');
  await expect(edges(page)).toHaveCount(1);
  await selectEdge(page);

  const kind = inspector(page).getByLabel('Connection kind');
  await expect(kind).toHaveValue('call');
  await expect(field(page, 'Mode')).toHaveValue('sync');
  await expect(field(page, 'Purpose')).toHaveValue('inference');

  await kind.selectOption('data-flow');
  await expect(field(page, 'Mode')).toHaveValue('async');
  await expect(field(page, 'Purpose')).toHaveValue('analytics');
  await expect(edges(page).first()).toContainText('Data flow');

  await setAttributeText(page, 'Retries', '2');
  await expect(undoButton(page)).toHaveAttribute('title', /Undo Change Retries/);
  await undoButton(page).click();
  await expect(field(page, 'Retries')).toHaveValue('0');
  await undoButton(page).click();
  await expect(kind).toHaveValue('call');
  await expect(field(page, 'Mode')).toHaveValue('sync');
  await page.getByRole('button', { name: 'Redo', exact: true }).click();
  await expect(field(page, 'Mode')).toHaveValue('async');
  await waitSaved(page);

  // Several elements selected: a summary, no attribute editor.
  await selectNode(page, 'Client app');
  await page.keyboard.press('Control+a');
  await expect(inspector(page)).toContainText('2 components and 1 connection selected.');
  await expect(field(page, 'p95 latency')).toHaveCount(0);

  await host.restart();
  const design = await readFromDisk(host, await onlyDocumentPath(host));
  expect(design.connections[0]).toMatchObject({
    kind: 'data-flow',
    attributes: { mode: 'async', purpose: 'analytics', retries: 0 },
  });
});

test('Escape in the inspector goes back to the stored value and sends nothing', async ({ app: page }) => {
  await createDesign(page, 'Escape');
  await dropFromPalette(page, 'Model server', { x: 300, y: 200 });
  await waitSaved(page);
  const writes = countWrites(page);

  const name = field(page, 'Name');
  await name.fill('Renamed');
  await name.press('Escape');
  await expect(name).toHaveValue('Model server');
  const p95 = field(page, 'p95 latency');
  await p95.fill('500');
  await p95.press('Escape');
  await expect(p95).toHaveValue('70');
  // Leaving the field afterwards commits nothing either.
  await p95.blur();
  await expect(undoButton(page)).toHaveAttribute('title', /Undo Add Model server/);
  expect(writes.count).toBe(0);
});
