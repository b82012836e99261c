// The benchmark (tools/bench), not a test: one long "test" that measures the
// release build and writes one JSON report. Playwright is used as the runner
// because it runs TypeScript as is and starts and stops the static server.
import { defineConfig } from '@playwright/test';
import * as path from 'node:path';
import { appURL, chromium, staticServer } from '../e2e/browser';

const port = Number(process.env.BENCH_PORT ?? 4190);
const site = path.resolve(process.env.BENCH_SITE ?? path.join(__dirname, '../../target/bench-site'));

export default defineConfig({
  testDir: '.',
  testMatch: 'measure.ts',
  outputDir: '../../target/bench-results',
  timeout: 20 * 60_000,
  workers: 1,
  retries: 0,
  reporter: [['line']],
  use: { baseURL: appURL(port), ...chromium },
  webServer: staticServer(port, site),
});
