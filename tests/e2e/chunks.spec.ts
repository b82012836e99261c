// The release build is split by page (src/pages/lazy.rs, tools/build-wasm):
// Today is in the entry, every other page in a wasm chunk of its own, fetched
// when the app is idle or when the page is opened. These tests run without
// the service worker, so every chunk request reaches the network, where the
// test can hold it or make it fail.
import { test, expect, open, holdRequests, storeBeforeLoad } from './fixtures';
import type { Page } from '@playwright/test';

test.use({ serviceWorkers: 'block' });

/** The chunks: one per page that is not Today. */
const CHUNK = /\/wasm-[0-9a-f]+\/split_[a-z_]+\.wasm$/;
/** Those and the code several pages share, in chunk_N.wasm files. */
const SHARED_OR_PAGE_CHUNK = /\/wasm-[0-9a-f]+\/(split_[a-z_]+|chunk_[0-9]+)\.wasm$/;
const PAGES = [
  { link: 'First steps', heading: 'First steps after the blow' },
  { link: 'Debrief', heading: 'Step 1: Debrief with yourself' },
  { link: 'Share', heading: 'Step 2: Share it' },
  { link: 'Mojo', heading: 'Step 3: Regain your mojo' },
  { link: 'Next move', heading: 'Step 4: Make your next move' },
  { link: 'Backup', heading: 'Backup & settings' },
];

/** The chunk requests that failed on purpose log errors: expected here, not elsewhere. */
function forgiveFailedFetches(problems: string[]) {
  const expected = /split_(backup|decoder|notices)\.wasm|Failed to fetch|net::ERR_FAILED|TypeError/;
  const rest = problems.filter((problem) => !expected.test(problem));
  problems.splice(0, problems.length, ...rest);
}

/** Makes the Backup chunk fail to load while `failing()` is true. */
async function failBackupChunk(page: Page, failing: () => boolean) {
  await page.route('**/split_backup.wasm', (route) => (failing() ? route.abort('failed') : route.continue()));
}

test('a first visit to Today fetches no page chunk before Today is on screen, then all of them once idle, one at a time', async ({ page }) => {
  // When Today's heading first appears, by the page's own clock.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('main h1')) {
        (window as unknown as { headingAt: number }).headingAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const splits = new Set<string>();
  const pending = new Set<string>();
  // The prefetch takes one file per idle period, so that it never holds the
  // main thread for long: never two chunk files in flight at once.
  let mostInFlight = 0;
  page.on('request', (request) => {
    const pathname = new URL(request.url()).pathname;
    if (!pathname.endsWith('.wasm')) return;
    pending.add(request.url());
    if (SHARED_OR_PAGE_CHUNK.test(pathname)) {
      const inFlight = [...pending].filter((url) => SHARED_OR_PAGE_CHUNK.test(new URL(url).pathname)).length;
      mostInFlight = Math.max(mostInFlight, inFlight);
    }
    if (CHUNK.test(pathname)) splits.add(pathname);
  });
  page.on('requestfinished', (request) => pending.delete(request.url()));
  page.on('requestfailed', (request) => pending.delete(request.url()));
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Today');
  // The idle prefetch: eleven chunks (seven pages, the debrief session,
  // Today's keep-going cards, which a first visit shows only once the
  // person has started, the notices about stored data, and the reader of
  // stored workbooks, which Backup needs), with the shared pieces they
  // import, all arrived.
  await expect.poll(() => splits.size, { timeout: 20_000 }).toBe(11);
  await expect.poll(() => pending.size, { timeout: 20_000 }).toBe(0);
  const { headingAt, firstChunkAt } = await page.evaluate((chunk) => ({
    headingAt: (window as unknown as { headingAt: number }).headingAt,
    firstChunkAt: Math.min(
      ...performance.getEntriesByType('resource').filter((entry) => new RegExp(chunk).test(entry.name)).map((entry) => entry.startTime),
    ),
  }), SHARED_OR_PAGE_CHUNK.source);
  expect(headingAt).toBeGreaterThan(0);
  expect(firstChunkAt).toBeGreaterThan(headingAt);
  expect(mostInFlight).toBe(1);

  // Now every page opens without fetching anything more.
  const later: string[] = [];
  page.on('request', (request) => later.push(new URL(request.url()).pathname));
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const { link, heading } of PAGES) {
    await nav.getByRole('link', { name: link }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  }
  // (Chromium asks for the favicon again on each change of the fragment.)
  expect(later.filter((pathname) => !pathname.includes('/favicon-'))).toEqual([]);
});

test("a first visit shows the welcome in place of Today's keep-going cards, which come with Start", async ({ page }) => {
  await open(page);
  await expect(page.getByRole('region', { name: 'Welcome to Comeback' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Momentum since the setback' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Weekly review: look back at a week' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Welcome to Comeback' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Momentum since the setback' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Weekly review: look back at a week' })).toBeVisible();
});

test("with a workbook stored, Today's keep-going cards arrive as one file, beside at most one piece shared with the reader", async ({ page }) => {
  // wasm-split-cli cut them into 31 files (38 KB gzip); tools/merge-chunks.js
  // makes them one (27 KB).
  const seed = { schema_version: 8, created_at: '2026-11-01T09:00:00Z', settings: { welcomed: true } };
  await storeBeforeLoad(page, seed);
  const wasm: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('.wasm')) wasm.push(new URL(request.url()).pathname.split('/').pop()!);
  });
  await page.goto('./');
  await expect(page.getByRole('region', { name: 'Momentum since the setback' })).toBeVisible();
  const withCard = wasm.slice(0, wasm.indexOf('split_keep_going.wasm') + 1);
  expect(withCard[0]).toBe('comeback_bg.wasm');
  expect(withCard.at(-1)).toBe('split_keep_going.wasm');
  // Something stored: the reader (split_decoder) comes first.
  const between = withCard.slice(1, -1).filter((file) => file !== 'split_decoder.wasm');
  expect(between.every((file) => /^chunk_\d+\.wasm$/.test(file)), between.join(' ')).toBe(true);
  expect(between.length, 'shared chunks fetched with the card').toBeLessThanOrEqual(1);
});

test('a notice about stored data whose code cannot be fetched still says there is something to read, and "Try again" shows it', async ({ page, problems }) => {
  let failing = true;
  await page.route('**/split_notices.wasm', (route) => (failing ? route.abort('failed') : route.continue()));
  await storeBeforeLoad(page, { schema_version: 99, debrief: { summary: 'Written by a later Comeback.' } });
  await open(page);
  const missing = page.getByText('Comeback has something to tell you about the data it keeps on this device');
  await expect(missing).toBeVisible();
  await expect(page.getByText('saved by a newer version of Comeback')).toHaveCount(0);
  failing = false;
  await missing.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('alert')).toContainText('saved by a newer version of Comeback');
  await expect(missing).toHaveCount(0);
  forgiveFailedFetches(problems);
});

test('a page whose code cannot be fetched says so plainly, and "Try again" opens it once it can', async ({ page, problems }) => {
  let failing = true;
  await failBackupChunk(page, () => failing);
  await open(page, '#/backup');
  const alert = page.getByRole('alert');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page could not be opened');
  await expect(alert).toContainText('Your work is saved either way.');
  await expect(alert.getByRole('button', { name: 'Reload Comeback' })).toBeVisible();

  // Still failing: the same message, nothing else breaks.
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page could not be opened');

  failing = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Backup & settings');
  await expect(page.getByRole('alert')).toHaveCount(0);
  // The rest of the app never stopped working.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Today');
  forgiveFailedFetches(problems);
});

test('"Reload Comeback" after a failed fetch keeps what was typed and opens the page', async ({ page, problems }) => {
  let failing = false;
  await failBackupChunk(page, () => failing);
  await open(page, '#/debrief');
  await page.getByLabel('In a sentence or two, what happened?').fill('Typed before the failure.');
  failing = true;
  // A fresh tab's worth of state: the prefetch may already have loaded it.
  await page.evaluate(() => location.reload());
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Step 1: Debrief with yourself');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Backup' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page could not be opened');

  failing = false;
  await page.getByRole('button', { name: 'Reload Comeback' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Backup & settings');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Debrief' }).click();
  await expect(page.getByLabel('In a sentence or two, what happened?')).toHaveValue('Typed before the failure.');
  forgiveFailedFetches(problems);
});

test('a page that arrives late still gets the focus on its heading', async ({ page }) => {
  const release = await holdRequests(page, '**/split_mojo.wasm');
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Today');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Mojo' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Opening the page…' })).toBeVisible();
  // Past the frame after the route change: there was no heading to focus then.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  release();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Step 3: Regain your mojo');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});

// Reading a stored workbook (serde's decoders, the migrations) is a chunk of
// its own (src/web/decoder.rs): a first visit, with nothing stored, shows
// Today without it; a later visit fetches it, one file, before the workbook
// is shown.
const DECODER = /\/split_decoder\.wasm$/;

test('a first visit shows Today without the reader of stored workbooks; a visit with something stored fetches it first, as one file', async ({ page }) => {
  const decoderRequests: string[] = [];
  page.on('request', (request) => {
    if (DECODER.test(new URL(request.url()).pathname)) decoderRequests.push(request.url());
  });
  await open(page, '#/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Today');
  expect(decoderRequests, 'nothing stored: Today is shown without the reader').toEqual([]);

  await page.goto('./#/debrief');
  await page.getByLabel('In a sentence or two, what happened?').fill('Kept for the next visit.');
  await expect(page.getByRole('status').first()).toHaveText('Saved on this device');
  decoderRequests.length = 0;
  const wasm: string[] = [];
  page.on('request', (request) => {
    // From the reload on: the first visit's idle prefetch may still be fetching.
    if (request.isNavigationRequest()) wasm.length = 0;
    if (request.url().endsWith('.wasm')) wasm.push(new URL(request.url()).pathname.split('/').pop()!);
  });
  await page.reload();
  await expect(page.getByLabel('In a sentence or two, what happened?')).toHaveValue('Kept for the next visit.');
  expect(decoderRequests).toHaveLength(1);
  // The reader's loader asks for the shared chunks it needs just before its
  // own file: one file with at most a few pieces it shares with Today's card
  // (tools/merge-chunks.js), not the 34 wasm-split-cli cut.
  const beforeReader = wasm.slice(0, wasm.indexOf('split_decoder.wasm'));
  expect(beforeReader[0]).toBe('comeback_bg.wasm');
  expect(beforeReader.slice(1).every((file) => /^chunk_\d+\.wasm$/.test(file))).toBe(true);
  expect(beforeReader.length - 1, 'shared chunks fetched with the reader').toBeLessThanOrEqual(3);
});

test('when the reader of stored workbooks cannot be fetched, nothing is shown as new or written, and "Try again" opens the workbook', async ({ page, problems }) => {
  let failing = false;
  await page.route('**/split_decoder.wasm', (route) => (failing ? route.abort('failed') : route.continue()));
  await open(page, '#/debrief');
  await page.getByLabel('In a sentence or two, what happened?').fill('Never written over.');
  await expect(page.getByRole('status').first()).toHaveText('Saved on this device');
  const stored = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));

  failing = true;
  await page.reload();
  const alert = page.getByRole('alert');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your workbook could not be opened');
  await expect(alert).toContainText('Nothing was changed.');
  await expect(alert.getByRole('button', { name: 'Reload Comeback' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your workbook could not be opened');
  expect(await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()))).toBe(stored);

  failing = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByLabel('In a sentence or two, what happened?')).toHaveValue('Never written over.');
  await expect(page.getByRole('alert')).toHaveCount(0);
  forgiveFailedFetches(problems);
});
