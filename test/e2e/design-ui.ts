import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/* Gestures on the journey switcher, the route, the scenario menu and the design settings. */

/** Starts a design from the NLP classification template (no connection groups) and waits for its canvas. */
export async function createFromNlpTemplate(page: Page, name: string): Promise<void> {
  await page.getByLabel('Design name').fill(name);
  await page.getByRole('button', { name: 'New from template NLP classification' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.locator('.react-flow__node')).toHaveCount(17);
}

export function journeyTrigger(page: Page): Locator {
  return page.getByRole('button', { name: /^Journey: / });
}

/** Opens the journey list (a no-op when it is open) and answers it. */
export async function openJourneys(page: Page): Promise<Locator> {
  const list = page.getByRole('dialog', { name: 'Journeys' });
  if (!(await list.isVisible())) await journeyTrigger(page).click();
  await expect(list).toBeVisible();
  return list;
}

/** The canvas edge whose accessible name starts with `name` ("Call from A to B"). */
export function edgeNamed(page: Page, name: string): Locator {
  return page.locator(`.react-flow__edge[aria-label^="${name}"]`);
}

/**
 * Clicks a connection's line as a user would: at the point nearest its middle where nothing (a node, another
 * line) covers it, wherever its curve goes.
 */
export async function clickEdge(page: Page, edge: Locator): Promise<void> {
  // The DOM types as structural shapes: this file is type-checked with Node's libraries, not the DOM's.
  interface Point {
    x: number;
    y: number;
    matrixTransform(matrix?: unknown): Point;
  }
  interface EdgeGroup {
    querySelector(selector: string): {
      getTotalLength(): number;
      getPointAtLength(length: number): Point;
      getScreenCTM(): unknown;
    } | null;
    contains(other: unknown): boolean;
    ownerDocument: { elementFromPoint(x: number, y: number): unknown };
  }
  const point = await edge.evaluate((group: EdgeGroup) => {
    const path = group.querySelector('path.react-flow__edge-path');
    if (!path) return null;
    const length = path.getTotalLength();
    for (let step = 0; step <= 20; step++) {
      // 0.5, 0.45, 0.55, 0.4, 0.6, …: outward from the middle.
      const offset = Math.ceil(step / 2) * 0.025 * (step % 2 === 0 ? 1 : -1);
      const at = path.getPointAtLength(length * (0.5 + offset));
      const screen = at.matrixTransform(path.getScreenCTM() ?? undefined);
      if (group.contains(group.ownerDocument.elementFromPoint(screen.x, screen.y)))
        return { x: screen.x, y: screen.y };
    }
    return null;
  });
  if (!point) throw new Error('No visible point of the connection can be clicked.');
  await page.mouse.click(point.x, point.y);
}

export function routeEdges(page: Page): Locator {
  return page.locator('.react-flow__edge.route-on');
}

export function dimmedNodes(page: Page): Locator {
  return page.locator('.react-flow__node.route-off');
}

/** Picks an action of the scenario menu. */
export async function scenarioAction(page: Page, action: RegExp): Promise<void> {
  await page.getByRole('button', { name: 'Add, duplicate, rename or delete' }).click();
  await page
    .getByRole('dialog', { name: 'Add, duplicate, rename or delete' })
    .getByRole('button', { name: action })
    .click();
}

export function scenarioSelect(page: Page): Locator {
  return page.getByRole('combobox', { name: 'Scenario' });
}
