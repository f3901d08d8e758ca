import { request as httpRequest } from 'node:http';
import { expect, test } from './fixtures.ts';

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

test('the page carries the token and takes it out of the address bar', async ({ app: page }) => {
  await expect(page.getByRole('button', { name: 'Create design' })).toBeVisible();
  expect(new URL(page.url()).searchParams.has('token')).toBe(false);
});
