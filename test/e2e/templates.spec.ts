import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';
import { edges, node, nodes, onlyDocumentPath, readFromDisk, waitSaved } from './helpers.ts';

interface TemplateFile {
  meta: { name: string };
  components: { name: string; scenarioId: string; parentId: string | null }[];
  connections: { scenarioId: string }[];
  scenarios: { id: string }[];
}

const TEMPLATES = join(import.meta.dirname, '..', '..', 'resources', 'templates');

test('a design made from a template shows the template on the canvas and on disk', async ({
  app: page,
  host,
}) => {
  const template = JSON.parse(readFileSync(join(TEMPLATES, 'rag-llm.design.json'), 'utf8')) as TemplateFile;
  const scenarioId = template.scenarios[0]!.id;
  const inScenario = template.components.filter((c) => c.scenarioId === scenarioId);

  await page.getByLabel('Design name').fill('Support assistant');
  await page.getByRole('button', { name: `New from template ${template.meta.name}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Support assistant' })).toBeVisible();

  await expect(nodes(page)).toHaveCount(inScenario.length);
  await expect(edges(page)).toHaveCount(
    template.connections.filter((e) => e.scenarioId === scenarioId).length,
  );
  await expect(node(page, 'Embedding service')).toBeVisible();
  await waitSaved(page);

  await host.restart();
  const onDisk = await readFromDisk(host, await onlyDocumentPath(host));
  expect(onDisk.meta.name).toBe('Support assistant');
  expect(onDisk.components.map((c) => c.name).sort()).toEqual(template.components.map((c) => c.name).sort());
});
