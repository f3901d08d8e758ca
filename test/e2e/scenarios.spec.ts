import { expect, test } from './fixtures.ts';
import { edges, node, nodes, onlyDocumentPath, readFromDisk, waitSaved } from './helpers.ts';
import { createFromNlpTemplate, openJourneys, scenarioAction, scenarioSelect } from './design-ui.ts';

interface ScenarioDesign {
  scenarios: { id: string; name: string }[];
  components: { id: string; scenarioId: string; name: string; position: { x: number; y: number } }[];
  connections: { id: string; scenarioId: string }[];
  journeys: { id: string; scenarioId: string; name: string; entryId: string }[];
}

test('a scenario is duplicated, renamed, switched, deleted, and the delete undone', async ({
  app: page,
  host,
}) => {
  await createFromNlpTemplate(page, 'Two ways');
  await scenarioAction(page, /^Duplicate/);
  const dialog = page.getByRole('dialog', { name: 'Duplicate scenario' });
  // The template's scenario is called "Baseline": the copy is offered as "Baseline copy".
  await expect(dialog.getByLabel('Scenario name')).toHaveValue('Baseline copy');
  await dialog.getByLabel('Scenario name').fill('Self-hosted');
  await dialog.getByRole('button', { name: 'Duplicate' }).click();
  await expect(dialog).toBeHidden();

  // The copy shows at once, with everything the original has.
  await expect(scenarioSelect(page)).toHaveValue(/.+/);
  await expect(scenarioSelect(page).locator('option:checked')).toHaveText('Self-hosted');
  await expect(nodes(page)).toHaveCount(17);
  await expect(edges(page)).toHaveCount(22);
  const journeys = await openJourneys(page);
  await expect(
    journeys.getByRole('button', { name: 'Show journey Classify a support ticket' }),
  ).toBeVisible();
  await page.keyboard.press('Escape');

  // Rename the copy, change something in it, switch back: the original is untouched.
  await scenarioAction(page, /^Rename/);
  const rename = page.getByRole('dialog', { name: 'Rename scenario' });
  await rename.getByLabel('Scenario name').fill('Kubernetes serving');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(scenarioSelect(page).locator('option:checked')).toHaveText('Kubernetes serving');
  await node(page, 'Key vault').locator('.flow-node-name').click();
  await page.keyboard.press('Delete');
  await expect(nodes(page)).toHaveCount(16);

  await scenarioSelect(page).selectOption({ label: 'Baseline' });
  await expect(nodes(page)).toHaveCount(17);
  await expect(node(page, 'Key vault')).toBeVisible();
  await scenarioSelect(page).selectOption({ label: 'Kubernetes serving' });
  await expect(nodes(page)).toHaveCount(16);

  // Delete the copy; undo brings back the scenario and everything in it.
  await scenarioAction(page, /^Delete/);
  await expect(scenarioSelect(page).locator('option')).toHaveCount(1);
  await expect(scenarioSelect(page).locator('option:checked')).toHaveText('Baseline');
  await expect(nodes(page)).toHaveCount(17);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(scenarioSelect(page).locator('option')).toHaveCount(2);
  await scenarioSelect(page).selectOption({ label: 'Kubernetes serving' });
  await expect(nodes(page)).toHaveCount(16);
  await expect(edges(page)).toHaveCount(21);
  await waitSaved(page);

  await host.restart();
  const onDisk = (await readFromDisk(host, await onlyDocumentPath(host))) as unknown as ScenarioDesign;
  expect(onDisk.scenarios.map((s) => s.name).sort()).toEqual(['Baseline', 'Kubernetes serving']);
  const copy = onDisk.scenarios.find((s) => s.name === 'Kubernetes serving')!;
  const original = onDisk.scenarios.find((s) => s.name === 'Baseline')!;
  const inCopy = onDisk.components.filter((c) => c.scenarioId === copy.id);
  const inOriginal = onDisk.components.filter((c) => c.scenarioId === original.id);
  expect(inCopy).toHaveLength(16);
  expect(inOriginal).toHaveLength(17);
  // Same layout, fresh ids.
  const gateway = (list: typeof inCopy) => list.find((c) => c.name === 'API gateway')!;
  expect(gateway(inCopy).position).toEqual(gateway(inOriginal).position);
  expect(gateway(inCopy).id).not.toBe(gateway(inOriginal).id);
  const journeyCopy = onDisk.journeys.find((j) => j.scenarioId === copy.id)!;
  expect(inCopy.map((c) => c.id)).toContain(journeyCopy.entryId);
});

test('a blank scenario is added and undone; the canvas goes back to a scenario that exists', async ({
  app: page,
}) => {
  await createFromNlpTemplate(page, 'Blank');
  await scenarioAction(page, /^New blank scenario/);
  const dialog = page.getByRole('dialog', { name: 'New blank scenario' });
  await dialog.getByLabel('Scenario name').fill('  ');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByText('A scenario needs a name.')).toBeVisible();
  await dialog.getByLabel('Scenario name').fill('Serverless');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(scenarioSelect(page).locator('option:checked')).toHaveText('Serverless');
  await expect(nodes(page)).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(scenarioSelect(page).locator('option')).toHaveCount(1);
  await expect(scenarioSelect(page).locator('option:checked')).toHaveText('Baseline');
  await expect(nodes(page)).toHaveCount(17);

  // The last scenario cannot be deleted: the menu says why. Escape closes the menu onto its button.
  await page.getByRole('button', { name: 'Add, duplicate, rename or delete' }).click();
  const remove = page
    .getByRole('dialog', { name: 'Add, duplicate, rename or delete' })
    .getByRole('button', { name: /^Delete/ });
  await expect(remove).toBeDisabled();
  await expect(remove).toHaveAttribute('title', /A design keeps at least one scenario/);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Add, duplicate, rename or delete' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Add, duplicate, rename or delete' })).toBeFocused();
});
