import { readdirSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';

const TEMPLATES = join(import.meta.dirname, '..', '..', 'resources', 'templates');

/** A raw HTTP POST, so the test controls the Host header (fetch does not allow setting it). */
function post(
  url: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers } },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

test('the API refuses calls without the token', async ({ host }) => {
  const missing = await post(`${host.origin}/api/app.info`, {}, '{}');
  expect(missing.status).toBe(401);
  const wrong = await post(`${host.origin}/api/app.info`, { 'X-MLArch-Token': 'not-the-token' }, '{}');
  expect(wrong.status).toBe(401);
  const right = await post(`${host.origin}/api/app.info`, { 'X-MLArch-Token': host.token }, '{}');
  expect(right.status).toBe(200);
  expect(JSON.parse(right.body)).toMatchObject({ ok: true, data: { host: 'web' } });
});

test('the API refuses a request whose Host is not loopback (DNS rebinding)', async ({ host }) => {
  const port = new URL(host.origin).port;
  const rebound = await post(
    `${host.origin}/api/app.info`,
    { 'X-MLArch-Token': host.token, Host: `attacker.example:${port}` },
    '{}',
  );
  expect(rebound.status).toBe(403);
  expect(rebound.body).not.toContain(host.workspace);
});

test('the page carries the token and takes it out of the address bar', async ({ app: page, host }) => {
  // Each of these shows only what an answered API call brought: the template list (templates.list),
  // then the workspace folder (app.info) and its designs (workspace.list) in the Open dialog.
  const shipped = readdirSync(TEMPLATES).filter((name) => name.endsWith('.design.json'));
  expect(shipped.length).toBeGreaterThan(0);
  for (const file of shipped) {
    const { meta } = JSON.parse(readFileSync(join(TEMPLATES, file), 'utf8')) as { meta: { name: string } };
    await expect(page.getByRole('button', { name: `New from template ${meta.name}` })).toBeVisible();
  }
  expect(new URL(page.url()).searchParams.has('token')).toBe(false);

  await page.getByRole('button', { name: 'Open…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open a design' });
  await expect(dialog.getByText(host.workspace, { exact: true })).toBeVisible();
  await expect(dialog.getByText('No .mlarch files in the workspace folder yet.')).toBeVisible();
});
