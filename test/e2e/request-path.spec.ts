import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import type { WebHost } from './fixtures.ts';
import {
  connectNodes,
  edges,
  inspector,
  onlyDocumentPath,
  readFromDisk,
  setAttributeText,
  waitSaved,
} from './helpers.ts';

/*
 * The request-path section of the connection inspector on the RAG template: an exclusive choice made and
 * its shares set and undone, a fallback linked to its primary, and a connection back refused as a sync cycle.
 */

interface RequestPathOnDisk {
  connections: {
    id: string;
    sourceId: string;
    targetId: string;
    kind: string;
    groupId: string | null;
    primaryId: string | null;
    attributes: Record<string, unknown>;
  }[];
  components: { id: string; name: string }[];
  groups: { id: string; name: string; type: string; join: string | null; joinK: number | null }[];
}

async function fromTemplate(page: Page): Promise<void> {
  await page.getByLabel('Design name').fill('Assistant');
  await page.getByRole('button', { name: 'New from template RAG LLM application' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Assistant' })).toBeVisible();
}

/** Selects a connection by its accessible name, from the keyboard (a click could land on a crossing line). */
async function selectConnection(page: Page, name: string): Promise<void> {
  const edge = page.getByRole('group', { name, exact: true }).or(page.getByLabel(name, { exact: true }));
  await edge.first().focus();
  await page.keyboard.press('Enter');
  await expect(inspector(page).getByRole('heading', { name: 'Request path' })).toBeVisible();
}

async function onDisk(page: Page, host: WebHost): Promise<RequestPathOnDisk> {
  await waitSaved(page);
  return (await readFromDisk(host, await onlyDocumentPath(host))) as unknown as RequestPathOnDisk;
}

function connectionTo(design: RequestPathOnDisk, source: string, target: string, kind = 'call') {
  const id = (name: string) => design.components.find((c) => c.name === name)?.id;
  const found = design.connections.find(
    (e) => e.sourceId === id(source) && e.targetId === id(target) && e.kind === kind,
  );
  if (!found) throw new Error(`No ${kind} from ${source} to ${target}.`);
  return found;
}

test('two calls out of the orchestrator become an 80/20 choice in the inspector, and undo takes it back', async ({
  app: page,
  host,
}) => {
  await fromTemplate(page);
  const panel = inspector(page);

  await selectConnection(page, 'Call from RAG orchestrator to Conversation store');
  await panel.getByLabel('Group', { exact: true }).selectOption({ label: 'New choice group…' });
  await expect(panel.getByLabel('Group name')).toHaveValue('Choice from RAG orchestrator');
  await expect(panel.getByTestId('rp-share-total')).toHaveText('100 %');

  await selectConnection(page, 'Call from RAG orchestrator to Cross-encoder reranker');
  await panel
    .getByLabel('Group', { exact: true })
    .selectOption({ label: 'Choice from RAG orchestrator (choice)' });
  const store = panel.getByLabel('Share of the branch to Conversation store');
  const reranker = panel.getByLabel('Share of the branch to Cross-encoder reranker');
  // Joining a choice of one gives each half.
  await expect(store).toHaveValue('50');
  await expect(reranker).toHaveValue('50');

  // 80 + 50 is refused, with the sum shown and the reason next to the shares.
  await store.fill('80');
  await expect(panel.getByTestId('rp-share-total')).toHaveText('130 %');
  await panel.getByRole('button', { name: 'Save shares' }).click();
  await expect(panel.getByRole('alert')).toHaveText(
    'The shares of choice "Choice from RAG orchestrator" add up to 130 %, not 100 %: exactly one branch is ' +
      'taken per request. Change them or normalise them.',
  );
  await reranker.fill('20');
  await expect(panel.getByTestId('rp-share-total')).toHaveText('100 %');
  await panel.getByRole('button', { name: 'Save shares' }).click();
  await expect(store).toHaveValue('80');
  await expect(reranker).toHaveValue('20');

  let design = await onDisk(page, host);
  const toStore = connectionTo(design, 'RAG orchestrator', 'Conversation store');
  const toReranker = connectionTo(design, 'RAG orchestrator', 'Cross-encoder reranker');
  expect(design.groups).toEqual([
    expect.objectContaining({ name: 'Choice from RAG orchestrator', type: 'exclusive' }),
  ]);
  expect(toStore.groupId).toBe(design.groups[0]!.id);
  expect(toReranker.groupId).toBe(design.groups[0]!.id);
  expect([toStore.attributes.probability, toReranker.attributes.probability]).toEqual([0.8, 0.2]);

  // One undo step takes back the shares (both at once), the next the join.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(store).toHaveValue('50');
  await expect(reranker).toHaveValue('50');
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(panel.getByLabel('Group', { exact: true })).toHaveValue('');
  design = await onDisk(page, host);
  expect(connectionTo(design, 'RAG orchestrator', 'Cross-encoder reranker').groupId).toBe(null);
  expect(connectionTo(design, 'RAG orchestrator', 'Conversation store').attributes.probability).toBe(1);

  // A fan-out is explained in the section once there is more than one call per request.
  await expect(panel.getByTestId('rp-fanout')).toHaveCount(0);
  await setAttributeText(page, 'Calls per request', '3');
  await expect(panel.getByTestId('rp-fanout')).toContainText(
    'Fan-out: 3 calls to Cross-encoder reranker for each call reaching RAG orchestrator, one after another',
  );
});

test('a fallback is linked to the call it backs up, and connecting back is refused as a sync cycle', async ({
  app: page,
  host,
}) => {
  await fromTemplate(page);
  const panel = inspector(page);

  await selectConnection(page, 'Fallback from RAG orchestrator to LLM endpoint (fallback region)');
  const backsUp = panel.getByLabel('Backs up');
  await backsUp.selectOption({ label: 'none' });
  await expect(panel.getByText('This fallback backs up no call, so it is never taken')).toBeVisible();
  await backsUp.selectOption({ label: 'Call to LLM endpoint (primary)' });
  await expect(panel.getByText('This fallback backs up no call, so it is never taken')).toHaveCount(0);
  await expect(panel.getByText(/derived from that call's availability/)).toBeVisible();
  const design = await onDisk(page, host);
  const fallback = connectionTo(design, 'RAG orchestrator', 'LLM endpoint (fallback region)', 'fallback');
  expect(fallback.primaryId).toBe(connectionTo(design, 'RAG orchestrator', 'LLM endpoint (primary)').id);

  // The orchestrator calls the conversation store and waits for it: a call back would wait on itself.
  const count = await edges(page).count();
  await connectNodes(page, 'Conversation store', 'RAG orchestrator');
  await expect(page.locator('.error-banner .error-text')).toHaveText(
    'Connecting "Conversation store" to "RAG orchestrator" would close a sync cycle: "Conversation store" → ' +
      '"RAG orchestrator" → "Conversation store". A request cannot wait on itself: make one of these ' +
      'connections async.',
  );
  await expect(edges(page)).toHaveCount(count);
});

test('a parallel group is named, joined and completes at k of n; a k above n is refused', async ({
  app: page,
  host,
}) => {
  await fromTemplate(page);
  const panel = inspector(page);

  await selectConnection(page, 'Call from RAG orchestrator to Input guardrail');
  await panel.getByLabel('Group', { exact: true }).selectOption({ label: 'New parallel group…' });
  await selectConnection(page, 'Call from RAG orchestrator to Output guardrail');
  await panel
    .getByLabel('Group', { exact: true })
    .selectOption({ label: 'Parallel from RAG orchestrator (parallel)' });
  await expect(panel.getByText('Members: to Input guardrail, to Output guardrail.')).toBeVisible();

  const name = panel.getByLabel('Group name');
  await name.fill('Guardrails');
  await name.press('Enter');
  await panel.getByLabel('Completes when').selectOption('k-of-n');
  const k = panel.getByLabel('k', { exact: true });
  await expect(k).toHaveValue('1');
  await k.fill('2');
  await k.press('Enter');
  await expect(panel.getByText('the step completes when 2 of them have answered.')).toBeVisible();

  await k.fill('5');
  await k.press('Enter');
  await expect(page.locator('.error-banner .error-text')).toHaveText(
    'Group "Guardrails" has 2 members: k is a whole number from 1 to 2.',
  );
  await expect(k).toHaveValue('2');

  const design = await onDisk(page, host);
  expect(design.groups).toEqual([
    expect.objectContaining({ name: 'Guardrails', type: 'parallel', join: 'k-of-n', joinK: 2 }),
  ]);
});
