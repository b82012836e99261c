// tools/profile: one sampling profile of the app (tests/bench/profile.ts).
import { defineConfig } from '@playwright/test';
import * as path from 'node:path';
import { appURL, chromium, staticServer } from '../e2e/browser';

const port = Number(process.env.BENCH_PORT ?? 4191);
const site = path.resolve(process.env.BENCH_SITE ?? path.join(__dirname, '../../target/profile-site'));

export default defineConfig({
  testDir: '.',
  testMatch: 'profile.ts',
  outputDir: '../../target/profile-results',
  timeout: 10 * 60_000,
  workers: 1,
  retries: 0,
  reporter: [['line']],
  use: { baseURL: appURL(port), ...chromium, serviceWorkers: 'block' },
  webServer: staticServer(port, site),
});
