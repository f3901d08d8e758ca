import { expect, test } from './fixtures.ts';
import { onlyDocumentPath, readFromDisk, waitSaved } from './helpers.ts';
import { createFromNlpTemplate } from './design-ui.ts';

interface SettingsOnDisk {
  meta: {
    settings: {
      budget: { monthlyUsd: number | null; per1kInferencesUsd: number | null };
      policy: { allowedRegions: Record<string, string[]>; maxRetentionDays: Record<string, number> };
      aiProfile: { riskTier: string; dpiaDone: boolean | null };
    };
  };
}

test('design settings are saved as one undo step and are there after a reload', async ({
  app: page,
  host,
}) => {
  await createFromNlpTemplate(page, 'Budgeted');
  const opener = page.getByRole('button', { name: 'Design settings' });
  await opener.click();
  let dialog = page.getByRole('dialog', { name: 'Design settings' });
  // The template's settings: $15,000 a month, pii kept 365 days, minimal risk, DPIA done.
  await expect(dialog.getByLabel('Monthly budget')).toBeFocused();
  await expect(dialog.getByLabel('Monthly budget')).toHaveValue('15000');

  await dialog.getByLabel('Monthly budget').fill('-10');
  await dialog.getByRole('button', { name: 'Save settings' }).click();
  await expect(dialog.getByText(/The monthly budget is an amount in US dollars, 0 or more/)).toBeVisible();

  await dialog.getByLabel('Monthly budget').fill('4200');
  await dialog.getByLabel('Budget per 1,000 inferences').fill('0.05');
  await dialog.getByLabel('Allowed regions for phi data').fill('swedencentral');
  await dialog.getByLabel('Max retention days for pii data').fill('30');
  await dialog.getByLabel('EU AI Act risk tier').selectOption('limited');
  await dialog.getByLabel('DPIA done').selectOption('no');
  await dialog.getByRole('button', { name: 'Save settings' }).click();
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toHaveAttribute(
    'title',
    /^Undo Change design settings/,
  );
  // One undo step takes back every change of the dialog; redo makes them again.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await opener.click();
  await expect(dialog.getByLabel('Monthly budget')).toHaveValue('15000');
  await expect(dialog.getByLabel('DPIA done')).toHaveValue('yes');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Redo', exact: true }).click();
  await waitSaved(page);

  await page.reload();
  // Ctrl+, opens the dialog from the keyboard.
  await expect(page.getByRole('button', { name: 'Design settings' })).toBeVisible();
  await page.locator('.react-flow__pane').click();
  await page.keyboard.press('Control+,');
  dialog = page.getByRole('dialog', { name: 'Design settings' });
  await expect(dialog.getByLabel('Monthly budget')).toHaveValue('4200');
  await expect(dialog.getByLabel('Budget per 1,000 inferences')).toHaveValue('0.05');
  await expect(dialog.getByLabel('Allowed regions for phi data')).toHaveValue('swedencentral');
  await expect(dialog.getByLabel('Max retention days for pii data')).toHaveValue('30');
  await expect(dialog.getByLabel('DPIA done')).toHaveValue('no');
  // Escape leaves the settings as they are.
  await dialog.getByLabel('Monthly budget').fill('1');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await waitSaved(page);

  await host.restart();
  const onDisk = (await readFromDisk(host, await onlyDocumentPath(host))) as unknown as SettingsOnDisk;
  expect(onDisk.meta.settings.budget).toEqual({ monthlyUsd: 4200, per1kInferencesUsd: 0.05 });
  expect(onDisk.meta.settings.policy.allowedRegions).toEqual({
    pii: ['westeurope', 'northeurope'],
    phi: ['swedencentral'],
  });
  expect(onDisk.meta.settings.policy.maxRetentionDays).toEqual({ confidential: 730, pii: 30 });
  expect(onDisk.meta.settings.aiProfile).toMatchObject({ riskTier: 'limited', dpiaDone: false });
});
