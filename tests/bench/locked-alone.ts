// The locked-workbook figures of the benchmark on their own (locked.ts):
//   npx playwright test -c tests/bench/locked.config.ts
// with the release build in target/bench-site (BENCH_SITE). Prints the JSON.
import { test } from '@playwright/test';
import { measureLocked } from './locked';

test('locked workbook', async ({ browser, baseURL }) => {
  console.log(JSON.stringify(await measureLocked(browser, baseURL!, 10 + 5), null, 2));
});
