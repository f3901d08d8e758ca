import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures.ts';
import type { WebHost } from './fixtures.ts';

/*
 * Gestures as a user makes them: real HTML5 drag and drop from the palette, real pointer drags on the
 * canvas (React Flow reacts only to real pointer events), roles and labels to find things.
 */

export interface DesignOnDisk {
  meta: { name: string };
  scenarios: { id: string; name: string }[];
  components: {
    id: string;
    name: string;
    kind: string;
    position: { x: number; y: number };
    attributes: Record<string, unknown>;
  }[];
  connections: {
    id: string;
    sourceId: string;
    targetId: string;
    kind: string;
    attributes: Record<string, unknown>;
  }[];
}

export async function createDesign(page: Page, name: string): Promise<void> {
  await page.getByLabel('Design name').fill(name);
  await page.getByRole('button', { name: 'Create design' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

export function canvas(page: Page): Locator {
  return page.locator('.react-flow__pane');
}

export function nodes(page: Page): Locator {
  return page.locator('.react-flow__node');
}

export function edges(page: Page): Locator {
  return page.locator('.react-flow__edge');
}

/** The canvas node showing exactly `name`. */
export function node(page: Page, name: string): Locator {
  return nodes(page).filter({
    has: page.locator('.flow-node-name', { hasText: new RegExp(`^${escape(name)}$`) }),
  });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Drags a kind from the palette onto the canvas at `at` (pixels from the canvas's top-left). */
export async function dropFromPalette(
  page: Page,
  label: string,
  at: { x: number; y: number },
): Promise<void> {
  const item = page
    .getByRole('complementary', { name: 'Palette' })
    .getByRole('button', { name: label, exact: true });
  await item.dragTo(canvas(page), { targetPosition: at });
}

/** Drags from the right-hand handle of one node to the left-hand handle of another. */
export async function connectNodes(page: Page, from: string, to: string): Promise<void> {
  const source = await node(page, from).locator('.react-flow__handle.source').boundingBox();
  const target = await node(page, to).locator('.react-flow__handle.target').boundingBox();
  if (!source || !target) throw new Error(`Handles of ${from} or ${to} are not visible.`);
  await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 12 });
  await page.mouse.up();
}

/** Drags a node by its body (not a handle) by `dx`, `dy` screen pixels. */
export async function dragNode(page: Page, name: string, dx: number, dy: number): Promise<void> {
  const box = await node(page, name).locator('.flow-node-name').boundingBox();
  if (!box) throw new Error(`${name} is not visible.`);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx, y + dy, { steps: 15 });
  await page.mouse.up();
}

/** Selects a node by clicking its name. */
export async function selectNode(page: Page, name: string): Promise<void> {
  await node(page, name).locator('.flow-node-name').click();
}

/** Selects the first connection by clicking the middle of its line. */
export async function selectEdge(page: Page): Promise<void> {
  const box = await edges(page).first().boundingBox();
  if (!box) throw new Error('No connection is visible.');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** The right-hand inspector pane. */
export function inspector(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Inspector' });
}

/** Opens a collapsed attribute section of the inspector (a no-op when it is already open). */
export async function openSection(page: Page, title: string): Promise<void> {
  const toggle = inspector(page).getByRole('button', { name: title, exact: true });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
}

/** Types into an attribute field of the inspector and commits it with Enter. */
export async function setAttributeText(page: Page, label: string, text: string): Promise<void> {
  const field = inspector(page).getByLabel(label, { exact: true });
  await field.fill(text);
  await field.press('Enter');
}

/** Renames the selected component in the inspector, committing with Enter. */
export async function renameSelected(page: Page, name: string): Promise<void> {
  const field = page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Name', { exact: true });
  await field.fill(name);
  await field.press('Enter');
}

/** The inspector's "x …, y …" line for the selected component. */
export async function inspectorPosition(page: Page): Promise<string> {
  const text = await page
    .getByRole('complementary', { name: 'Inspector' })
    .locator('dd', { hasText: /^x -?\d+, y -?\d+/ })
    .textContent();
  return (text ?? '').trim();
}

/** Waits until every edit has been written ("All changes saved"). */
export async function waitSaved(page: Page): Promise<void> {
  await expect(page.getByRole('status')).toHaveText('All changes saved');
}

/** The only design in the workspace, as the host reads it from the file. */
export async function onlyDocumentPath(host: WebHost): Promise<string> {
  const listed = await host.call('workspace.list', {});
  const files = listed.data as { path: string }[];
  expect(files).toHaveLength(1);
  return files[0]!.path;
}

/** Reads a design from its file through a host that has just been restarted (nothing cached in memory). */
export async function readFromDisk(host: WebHost, path: string): Promise<DesignOnDisk> {
  const opened = await host.call('doc.open', { path });
  if (!opened.ok) throw new Error(opened.error);
  // Left open: the page reopening the same path after a reload gets this same document.
  return (opened.data as { design: DesignOnDisk }).design;
}
