import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

// Locally, each run writes its traces and screenshots to a folder of its own, so two runs in the
// same checkout (two terminals, an editor) cannot delete each other's files mid-run. The runner
// evaluates this file first and its workers inherit the variable, so all agree on the folder.
process.env.RELATIONS_DESK_E2E_RUN ??= `${Date.now()}-${process.pid}`;
const outputDir = process.env.CI
  ? path.resolve(import.meta.dirname, '..', 'test-results', 'e2e')
  : path.join(os.tmpdir(), 'relations-desk-e2e', process.env.RELATIONS_DESK_E2E_RUN);

// Two projects run the same specs:
//   browser  – the browser edition in the system's Chromium (CHROMIUM_PATH, then /usr/bin/chromium…);
//              never skipped: without a Chromium the run fails with a clear message.
//   electron – the Electron app via _electron.launch, where the Electron binary exists and runs;
//              otherwise each test is skipped with the reason printed once.
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  globalSetup: './global-setup.ts',
  outputDir,
  // Generous: each test starts its own page, some their own server, on machines that may be busy.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.CI ? 2 : 3,
  reporter: process.env.CI ? [['list'], ['github']] : [['list']],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'browser', metadata: { edition: 'browser' } },
    { name: 'electron', metadata: { edition: 'electron' } },
  ],
});
