// The locked-workbook figures alone (tests/bench/locked-alone.ts).
import { defineConfig } from '@playwright/test';
import * as path from 'node:path';
import { appURL, chromium, staticServer } from '../e2e/browser';

const port = Number(process.env.BENCH_PORT ?? 4190);
const site = path.resolve(process.env.BENCH_SITE ?? path.join(__dirname, '../../target/bench-site'));

export default defineConfig({
  testDir: '.',
  testMatch: 'locked-alone.ts',
  outputDir: '../../target/bench-results',
  timeout: 10 * 60_000,
  workers: 1,
  retries: 0,
  reporter: [['line']],
  use: { baseURL: appURL(port), ...chromium },
  webServer: staticServer(port, site),
});
