import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/*
 * End-to-end tests drive the real UI in Chromium against the real web host (out/main/web.js), each test
 * with its own temp workspace (see test/e2e/fixtures.ts). `npm run test:e2e` builds out/ first.
 * These machines cannot download Playwright's browser: use Debian's Chromium when it is there.
 */
const chromium =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: 'test/e2e',
  // Two shared cores: one browser at a time keeps pointer timing reliable.
  workers: 1,
  fullyParallel: false,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  use: {
    headless: true,
    viewport: { width: 1400, height: 900 },
    trace: 'on-first-retry',
    launchOptions: {
      ...(chromium ? { executablePath: chromium } : {}),
      // A closed network: no sandbox in containers, no GPU, nothing that phones home.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
