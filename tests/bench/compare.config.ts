// tools/compare: two builds measured turn about (tests/bench/compare.ts).
import { defineConfig } from '@playwright/test';
import { appURL, chromium, staticServer } from '../e2e/browser';

/** "name=folder,name=folder": each folder holds `comeback/`, as target/bench-site does. */
export const sites = (process.env.COMPARE_SITES ?? '').split(',').filter(Boolean).map((entry, i) => {
  const [name, folder] = entry.split('=');
  return { name, folder, port: 4192 + i };
});

export default defineConfig({
  testDir: '.',
  testMatch: 'compare.ts',
  outputDir: '../../target/compare-results',
  timeout: 60 * 60_000,
  workers: 1,
  retries: 0,
  reporter: [['line']],
  use: { ...chromium, serviceWorkers: 'block' },
  webServer: sites.map((site) => staticServer(site.port, site.folder)),
});
