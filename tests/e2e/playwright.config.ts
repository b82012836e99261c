// End-to-end tests against the release build, served by a plain static
// server from the sub-path /comeback/ (as GitHub Pages does). `tools/test`
// builds into target/e2e-site/comeback first. Debian's Chromium is used;
// Playwright never downloads a browser.
import { defineConfig } from '@playwright/test';
import * as path from 'node:path';
import { appURL, chromium, staticServer } from './browser';

const port = Number(process.env.E2E_PORT ?? 4173);
// E2E_SITE and E2E_PORT let a second checkout or build run beside this one.
const site = path.resolve(process.env.E2E_SITE ?? path.join(__dirname, '../../target/e2e-site'));

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../target/e2e-results',
  // A clean-clone CI machine can run three times slower than a workstation
  // (stop 30: 29 min of e2e, tests of 15 s took 45): the limits catch a hang,
  // not slowness, which `tools/bench` measures.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: { baseURL: appURL(port), ...chromium },
  webServer: staticServer(port, site),
});
