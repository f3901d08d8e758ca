import { expect, test } from './fixtures.ts';
import { inspector, node, onlyDocumentPath, readFromDisk, selectNode, waitSaved } from './helpers.ts';
import {
  clickEdge,
  createFromNlpTemplate,
  dimmedNodes,
  edgeNamed,
  journeyTrigger,
  openJourneys,
  routeEdges,
} from './design-ui.ts';

interface JourneyOnDisk {
  name: string;
  entryId: string;
  tier: number;
  avgRps: number;
  peakRps: number;
  p95SloMs: number | null;
  p99SloMs: number | null;
  availabilitySlo: number | null;
  route: string[] | null;
}

/*
 * The NLP classification template. From "API gateway", the default route (sync calls, plus the events and
 * data flows a request sets off) is: gateway → classification service; service → PII redaction, → model
 * server, → key vault (an async call is still one per request), → prediction log (data flow), → review queue
 * (event); review queue → specialists → label store (data flows): 8 connections. Batch transfers, deploys
 * and monitoring are not followed. Off the route: the console, the e-mail source, the intake queue, the
 * fine-tuning pipeline, the registry and monitoring: 6 components (boundaries are never dimmed).
 */
const DEFAULT_ROUTE_EDGES = 8;
const OFF_ROUTE_COMPONENTS = 6;

test('a journey made from a component: validated, created, edited, undone and redone, stored', async ({
  app: page,
  host,
}) => {
  await createFromNlpTemplate(page, 'Triage');
  await selectNode(page, 'API gateway');
  await inspector(page).getByRole('button', { name: 'New journey from API gateway' }).click();

  const dialog = page.getByRole('dialog', { name: 'New journey' });
  await expect(dialog.getByLabel('Journey name')).toBeFocused();
  await dialog.getByLabel('Journey name').fill('Triage a ticket');
  await dialog.getByLabel('Tier').selectOption('1');
  await dialog.getByLabel('Average traffic').fill('20');
  await dialog.getByLabel('Peak traffic').fill('10');
  await dialog.getByLabel('p95 latency SLO').fill('250');
  await dialog.getByLabel('p99 latency SLO').fill('500');
  await dialog.getByLabel('Availability SLO').fill('100');
  await dialog.getByRole('button', { name: 'Create journey' }).click();
  await expect(dialog.getByText('Peak traffic cannot be below the average (20 rps).')).toBeVisible();
  await expect(dialog.getByText(/Availability is a percentage between 0 and 100/)).toBeVisible();
  await expect(dialog.getByLabel('Peak traffic')).toHaveAttribute('aria-invalid', 'true');

  await dialog.getByLabel('Peak traffic').fill('80');
  await dialog.getByLabel('Availability SLO').fill('99.95');
  await dialog.getByRole('button', { name: 'Create journey' }).click();
  await expect(dialog).toBeHidden();
  // The new journey is shown at once, its path highlighted.
  await expect(journeyTrigger(page)).toHaveAccessibleName('Journey: Triage a ticket');
  await expect(routeEdges(page)).toHaveCount(DEFAULT_ROUTE_EDGES);

  // Edit its objectives from the journey list.
  const list = await openJourneys(page);
  await expect(list.getByRole('button', { name: 'Show journey Triage a ticket' })).toContainText(
    'Tier 1 · 20 rps (peak 80) · p95 250 ms · p99 500 ms · 99.95 %',
  );
  await list.getByRole('button', { name: 'Edit journey Triage a ticket' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit journey Triage a ticket' });
  await expect(edit.getByLabel('Availability SLO')).toHaveValue('99.95');
  await edit.getByLabel('p95 latency SLO').fill('200');
  await edit.getByLabel('Availability SLO').fill('99.9');
  await edit.getByRole('button', { name: 'Save journey' }).click();
  await expect(edit).toBeHidden();
  // The dialog gives the focus back to the switcher it was opened from.
  await expect(journeyTrigger(page)).toBeFocused();

  const summary = async () => {
    const open = await openJourneys(page);
    const text = await open.getByRole('button', { name: 'Show journey Triage a ticket' }).textContent();
    await page.keyboard.press('Escape');
    return text;
  };
  expect(await summary()).toContain('p95 200 ms · p99 500 ms · 99.9 %');
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  expect(await summary()).toContain('p95 250 ms · p99 500 ms · 99.95 %');
  await page.getByRole('button', { name: 'Redo', exact: true }).click();
  expect(await summary()).toContain('p95 200 ms · p99 500 ms · 99.9 %');

  // Undoing twice more takes the journey away; redo brings it back.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(journeyTrigger(page)).toHaveAccessibleName('Journey: whole design');
  await expect(routeEdges(page)).toHaveCount(0);
  await page.getByRole('button', { name: 'Redo', exact: true }).click();
  await page.getByRole('button', { name: 'Redo', exact: true }).click();
  expect(await summary()).toContain('p95 200 ms');
  await waitSaved(page);

  await host.restart();
  const onDisk = (await readFromDisk(host, await onlyDocumentPath(host))) as unknown as {
    journeys: JourneyOnDisk[];
    components: { id: string; name: string }[];
  };
  const stored = onDisk.journeys.find((j) => j.name === 'Triage a ticket');
  expect(stored).toMatchObject({
    tier: 1,
    avgRps: 20,
    peakRps: 80,
    p95SloMs: 200,
    p99SloMs: 500,
    availabilitySlo: 0.999,
    route: null,
  });
  expect(onDisk.components.find((c) => c.id === stored?.entryId)?.name).toBe('API gateway');
});

test('a selected journey highlights its path; a route is edited by clicking connections and reset', async ({
  app: page,
  host,
}) => {
  await createFromNlpTemplate(page, 'Routes');
  const list = await openJourneys(page);
  await list.getByRole('button', { name: 'Show journey Classify a support ticket' }).click();
  await expect(list).toBeHidden();

  // The template's journey starts at the console: its default route is the gateway's plus console → gateway.
  await expect(routeEdges(page)).toHaveCount(DEFAULT_ROUTE_EDGES + 1);
  await expect(dimmedNodes(page)).toHaveCount(OFF_ROUTE_COMPONENTS - 1);
  await expect(node(page, 'Support agent console').getByText('Entry')).toBeVisible();
  await expect(node(page, 'Fine-tuning pipeline')).toHaveClass(/route-off/);
  await expect(node(page, 'Transformer model server')).toHaveClass(/route-on/);

  // Edit the route: take the key vault call off, put a monitoring connection on; one undo step each.
  await page.getByRole('button', { name: 'Edit route' }).click();
  await expect(page.getByRole('region', { name: 'Route of Classify a support ticket' })).toBeVisible();
  const vault = edgeNamed(page, 'Call from Ticket classification service to Key vault');
  await expect(vault).toHaveClass(/route-on/);
  await clickEdge(page, vault);
  await expect(vault).toHaveClass(/route-off/);
  await expect(routeEdges(page)).toHaveCount(DEFAULT_ROUTE_EDGES);
  const watch = edgeNamed(page, 'Observes from Monitoring & model monitors to API gateway');
  await clickEdge(page, watch);
  await expect(watch).toHaveClass(/route-on/);
  await expect(routeEdges(page)).toHaveCount(DEFAULT_ROUTE_EDGES + 1);

  await page.keyboard.press('Control+z');
  await expect(watch).toHaveClass(/route-off/);
  await expect(vault).toHaveClass(/route-off/);
  await waitSaved(page);

  // Escape leaves edit mode; the route stays shown.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('region', { name: /Route of/ })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Edit route' })).toHaveAttribute('aria-pressed', 'false');
  await expect(routeEdges(page)).toHaveCount(DEFAULT_ROUTE_EDGES);

  // What the host wrote (it answers from the open document; the restart at the end reads the file itself).
  let onDisk = (await readFromDisk(host, await onlyDocumentPath(host))) as unknown as {
    journeys: JourneyOnDisk[];
  };
  expect(onDisk.journeys[0]?.route).toHaveLength(DEFAULT_ROUTE_EDGES);

  await page.getByRole('button', { name: 'Use default route' }).click();
  await expect(vault).toHaveClass(/route-on/);
  await expect(routeEdges(page)).toHaveCount(DEFAULT_ROUTE_EDGES + 1);
  await expect(page.getByRole('button', { name: 'Use default route' })).toBeDisabled();

  // Clearing the selection shows the whole design again.
  await (await openJourneys(page)).getByRole('button', { name: /^Whole design/ }).click();
  await expect(routeEdges(page)).toHaveCount(0);
  await expect(dimmedNodes(page)).toHaveCount(0);
  await expect(node(page, 'Support agent console').getByText('Entry')).toHaveCount(0);
  await waitSaved(page);

  await host.restart();
  onDisk = (await readFromDisk(host, await onlyDocumentPath(host))) as unknown as typeof onDisk;
  expect(onDisk.journeys[0]?.route).toBeNull();
});

test('from the keyboard: the journey list, the entry picker, route editing with checkboxes', async ({
  app: page,
}) => {
  await createFromNlpTemplate(page, 'Keys');
  await page.locator('.react-flow__pane').click();
  await page.keyboard.press('Alt+j');
  const list = page.getByRole('dialog', { name: 'Journeys' });
  await expect(list.getByRole('button', { name: /^Whole design/ })).toBeFocused();
  await list.getByRole('button', { name: 'New journey…' }).click();

  const dialog = page.getByRole('dialog', { name: 'New journey' });
  const entry = dialog.getByLabel('Entry component');
  await expect(entry).toBeFocused();
  // Client apps first, then API gateways, then the rest by name; boundaries are never entries.
  const options = await entry.locator('option').allTextContents();
  expect(options.slice(0, 3)).toEqual([
    'Support agent console (Client app)',
    'API gateway (API gateway)',
    'Fine-tuning pipeline (Training pipeline)',
  ]);
  expect(options).toHaveLength(15);
  await entry.selectOption({ label: 'API gateway (API gateway)' });
  await dialog.getByLabel('Journey name').fill('Search tickets');
  await dialog.getByLabel('Journey name').press('Enter');
  await expect(dialog).toBeHidden();
  await expect(journeyTrigger(page)).toHaveAccessibleName('Journey: Search tickets');
  await expect(routeEdges(page)).toHaveCount(DEFAULT_ROUTE_EDGES);

  // R starts route editing; each checkbox is one connection, Space toggles it.
  await page.locator('.react-flow__pane').click();
  await page.keyboard.press('r');
  const panel = page.getByRole('region', { name: 'Route of Search tickets' });
  await panel.getByText(/Connections \(8 on the route\)/).click();
  const vault = panel.getByRole('checkbox', { name: /Ticket classification service → Key vault/ });
  await expect(vault).toBeChecked();
  await vault.focus();
  await page.keyboard.press('Space');
  await expect(vault).not.toBeChecked();
  await expect(routeEdges(page)).toHaveCount(DEFAULT_ROUTE_EDGES - 1);
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await page.keyboard.press('Control+z');
  await expect(routeEdges(page)).toHaveCount(DEFAULT_ROUTE_EDGES);
});
