import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, sha256, test } from './fixtures.ts';
import { createDesign, dropFromPalette, nodes } from './helpers.ts';

/** Opens `name` from the in-app Open dialog (the web host has no native one). */
async function openFromDialog(page: Page, name: string) {
  const dialog = page.getByRole('dialog', { name: 'Open a design' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: `Open ${name}`, exact: true }).click();
}

test('a corrupt file gives a clear error and is not modified', async ({ app: page, host }) => {
  const broken = join(host.workspace, 'broken.mlarch');
  writeFileSync(broken, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));
  const before = sha256(broken);

  await page.getByRole('button', { name: 'Open…' }).click();
  await openFromDialog(page, 'broken');
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('broken.mlarch');
  // Still on the start screen (the dialog stays so the user can pick another file).
  await page.getByRole('button', { name: 'Close dialog' }).click();
  await expect(page.getByRole('button', { name: 'Create design' })).toBeVisible();

  expect(sha256(broken)).toBe(before);
  expect(existsSync(`${broken}-wal`)).toBe(false);
  expect(existsSync(`${broken}-shm`)).toBe(false);
});

test('a truncated document gives a clear error, keeps the open design and is not modified', async ({
  app: page,
  host,
}) => {
  // A real document, closed so that it is one complete file, then cut in half.
  const created = await host.call('doc.new', { name: 'Complete', templateId: null });
  const { docId, path } = created.data as { docId: string; path: string };
  await host.call('doc.close', { docId });
  const bytes = readFileSync(path);
  const truncated = join(host.workspace, 'truncated.mlarch');
  writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
  const before = sha256(truncated);

  await createDesign(page, 'Current work');
  await dropFromPalette(page, 'Cache', { x: 200, y: 200 });
  await expect(nodes(page)).toHaveCount(1);

  await page.getByRole('button', { name: 'Open…' }).click();
  await openFromDialog(page, 'truncated');
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('truncated.mlarch');
  await page.getByRole('button', { name: 'Close dialog' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Current work' })).toBeVisible();
  await expect(nodes(page)).toHaveCount(1);

  expect(sha256(truncated)).toBe(before);
  expect(existsSync(`${truncated}-wal`)).toBe(false);
  expect(existsSync(`${truncated}-shm`)).toBe(false);
});
