import { defineConfig } from '@playwright/test';

import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/chromium';

// Debian's Chromium, not a downloaded browser: `npx playwright install` cannot reach its CDN here.
const executablePath = CHROMIUM_PATH;
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    browserName: 'chromium',
    // Journeys and audits run their own scripts in the page (page.evaluate, axe-core), which the site's strict
    // CSP with Trusted Types would block; tests/e2e/csp.spec.ts turns this off and checks the policy itself.
    bypassCSP: true,
    launchOptions: {
      executablePath,
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
