// The foundation: every route renders, the debrief slice saves and restores,
// and stored data is never lost or overwritten behind the person's back.
import { test, expect, open, holdRequests, held, storedWorkbook, recoveryCopies, WORKBOOK_KEY } from './fixtures';

const routes = [
  { hash: '', heading: 'Today', title: 'Today · Comeback' },
  { hash: '#/first-steps', heading: 'First steps after the blow', title: 'First steps · Comeback' },
  { hash: '#/debrief', heading: 'Step 1: Debrief with yourself', title: 'Step 1: Debrief · Comeback' },
  { hash: '#/share', heading: 'Step 2: Share it', title: 'Step 2: Share · Comeback' },
  { hash: '#/mojo', heading: 'Step 3: Regain your mojo', title: 'Step 3: Regain your mojo · Comeback' },
  { hash: '#/next', heading: 'Step 4: Make your next move', title: 'Step 4: Next move · Comeback' },
  { hash: '#/backup', heading: 'Backup & settings', title: 'Backup & settings · Comeback' },
  { hash: '#/no-such-page', heading: 'Page not found', title: 'Page not found · Comeback' },
];

for (const route of routes) {
  test(`route "${route.hash || '/'}" renders its page, title and navigation`, async ({ page }) => {
    await open(page, route.hash);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(route.heading);
    await expect(page).toHaveTitle(route.title);
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveCount(7);
    await expect(page.getByRole('status').first()).toHaveText('Saved on this device');
  });
}

// On a slow network the WebAssembly takes seconds to arrive the first time:
// the page says what Comeback is meanwhile, and the app replaces that text.
test('before the app has loaded, the page already says what Comeback is', async ({ page }) => {
  const release = await holdRequests(page, '**/*.wasm');
  await page.goto('./', { waitUntil: 'domcontentloaded' });
  await expect(page.getByText('Opening your workbook…')).toBeVisible();
  await expect(page.getByText(/^A private workbook for getting back on your feet/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(0);
  release();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Today');
  await expect(page.getByText('Opening your workbook…')).toHaveCount(0);
  await expect(page.locator('#boot')).toHaveCount(0);
  await expect(page.getByRole('banner')).toHaveCount(1);
});

// The app waits for that text to be painted before it replaces it: a load
// fast enough to start the app before any paint left the largest paint to
// the app's first screen, which Lighthouse then timed after the whole
// WebAssembly on its simulated slow phone (web::boot::when_placeholder_painted).
test('the text about Comeback is painted before the app replaces it', async ({ page }) => {
  await page.addInitScript(() => {
    let seen = false;
    new MutationObserver((_, observer) => {
      const placeholder = document.getElementById('boot');
      if (placeholder) seen = true;
      if (seen && !placeholder) {
        (window as unknown as { replacedAt: number }).replacedAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Today');
  const { firstPaint, replacedAt } = await page.evaluate(() => ({
    firstPaint: performance.getEntriesByType('paint')[0]?.startTime ?? Number.POSITIVE_INFINITY,
    replacedAt: (window as unknown as { replacedAt: number }).replacedAt,
  }));
  expect(replacedAt).toBeGreaterThan(0);
  expect(firstPaint).toBeLessThan(replacedAt);
});

test('navigation links switch pages, mark the current one and survive a reload', async ({ page }) => {
  await open(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Mojo' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Step 3: Regain your mojo');
  await expect(nav.getByRole('link', { name: 'Mojo' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Today' })).not.toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  expect(new URL(page.url()).pathname).toBe('/comeback/');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Step 3: Regain your mojo');
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Today');
});

test('the skip link moves focus to the main content without changing the page', async ({ page }) => {
  await open(page, '#/share');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Step 2: Share it');
});

test('the debrief summary and setback kind are saved and restored', async ({ page }) => {
  await open(page, '#/debrief');
  await page.getByRole('radio', { name: 'My business or freelance work failed' }).check();
  const summary = page.getByLabel('In a sentence or two, what happened?');
  await summary.fill('The bakery closed after 18 months. <b>not bold</b> & “quotes” 🙂');
  await expect(page.getByRole('status').first()).toHaveText('Saved on this device');

  await page.reload();
  await expect(page.getByLabel('In a sentence or two, what happened?')).toHaveValue(
    'The bakery closed after 18 months. <b>not bold</b> & “quotes” 🙂',
  );
  await expect(page.getByRole('radio', { name: 'My business or freelance work failed' })).toBeChecked();
  const saved = await held(page);
  expect(saved.schema_version).toBe(8);
  expect(saved.debrief.setback).toBe('business_failed');
});

test('typing and reloading at once keeps the last keystroke', async ({ page }) => {
  await open(page, '#/debrief');
  const summary = page.getByLabel('In a sentence or two, what happened?');
  await summary.click();
  await page.keyboard.type('Laid off on Tuesday.');
  await page.reload();
  await expect(page.getByLabel('In a sentence or two, what happened?')).toHaveValue('Laid off on Tuesday.');
});

// Guards the save's one timer (issue 17): keys typed 50 ms apart for longer
// than the 300 ms wait are written once, after the pause, with the last key
// (the timer set by the first key waits again for the rest of the pause).
test('a burst of typing is saved once, after the pause, with the last key', async ({ page }) => {
  await open(page, '#/debrief');
  await page.evaluate((key) => {
    const w = window as unknown as { writes: number };
    w.writes = 0;
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k: string, v: string) {
      if (k === key) w.writes += 1;
      return setItem.call(this, k, v);
    };
  }, WORKBOOK_KEY);
  await page.getByLabel('In a sentence or two, what happened?').click();
  await page.keyboard.type('Laid off in the March round.', { delay: 50 });
  await expect(page.getByRole('status').first()).toHaveText('Saved on this device');
  expect(await page.evaluate(() => (window as unknown as { writes: number }).writes)).toBe(1);
  expect((await held(page)).debrief.summary).toBe('Laid off in the March round.');
});

test('corrupt stored data is kept untouched and the person is told', async ({ page }) => {
  const raw = '{"schema_version": 2, "debrief": {"summary": "half a sentence';
  await open(page);
  await page.evaluate(([key, value]) => window.localStorage.setItem(key, value), [WORKBOOK_KEY, raw]);
  await page.reload();

  await expect(page.getByRole('alert')).toContainText('Your saved workbook could not be read');
  expect(await storedWorkbook(page)).toEqual({ [WORKBOOK_KEY]: raw });

  // Nothing can be written over it until the person decides.
  await page.goto('./#/debrief');
  await expect(page.getByLabel('In a sentence or two, what happened?')).toBeDisabled();
  await expect(page.getByRole('status').first()).toHaveText('Read-only: not saving');
  await page.reload();
  expect(await storedWorkbook(page)).toEqual({ [WORKBOOK_KEY]: raw });

  // The raw text can be downloaded as it is.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the unreadable data' }).click();
  const file = await download;
  const chunks: Buffer[] = [];
  for await (const chunk of (await file.createReadStream())!) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).toString('utf8')).toBe(raw);

  await page.getByRole('button', { name: 'Start a new workbook' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByLabel('In a sentence or two, what happened?').fill('A fresh start.');
  await expect(page.getByRole('status').first()).toHaveText('Saved on this device');
  // Starting anew keeps the recovery copy: the Backup page lists it, and downloads it as it was.
  expect(await recoveryCopies(page)).toEqual([raw]);
});

test('data from a newer version is shown read-only and never written', async ({ page }) => {
  const future = JSON.stringify({ schema_version: 99, debrief: { summary: 'Written by a later Comeback.' }, newThing: [1, 2] });
  await open(page);
  await page.evaluate(([key, value]) => window.localStorage.setItem(key, value), [WORKBOOK_KEY, future]);
  await page.goto('./#/debrief');
  await page.reload();

  await expect(page.getByRole('alert')).toContainText('saved by a newer version of Comeback');
  const summary = page.getByLabel('In a sentence or two, what happened?');
  await expect(summary).toHaveValue('Written by a later Comeback.');
  await expect(summary).toBeDisabled();
  await expect(page.getByRole('radio', { name: 'My career has stalled' })).toBeDisabled();

  // Hide and unload the page: the moments the app flushes. Still no write.
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await page.reload();
  expect(await storedWorkbook(page)).toEqual({ [WORKBOOK_KEY]: future });
});

test('when the browser refuses to save, a banner says so and typing still works', async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await open(page, '#/debrief');
  const summary = page.getByLabel('In a sentence or two, what happened?');
  await summary.click();
  await page.keyboard.type('Still typing');
  await expect(page.getByRole('alert')).toContainText('not saved on this device yet');
  await expect(page.getByRole('alert')).toContainText('full');
  await expect(page.getByRole('status').first()).toHaveText('Not saved');
  await page.keyboard.type(' after the failure.');
  await expect(summary).toHaveValue('Still typing after the failure.');
  expect(await storedWorkbook(page)).toEqual({});
});

test('erase everything asks first, then removes all of Comeback\'s data', async ({ page }) => {
  await open(page, '#/debrief');
  await page.getByLabel('In a sentence or two, what happened?').fill('Something to erase.');
  await expect(page.getByRole('status').first()).toHaveText('Saved on this device');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Backup' }).click();
  await page.getByRole('button', { name: 'Erase everything…' }).click();
  await page.getByRole('button', { name: 'Keep my data' }).click();
  expect((await held(page)).debrief.summary).toBe('Something to erase.');

  await page.getByRole('button', { name: 'Erase everything…' }).click();
  await page.getByRole('button', { name: 'Yes, erase everything' }).click();
  await expect(page.getByText('has been erased')).toBeVisible();
  // What is stored now is a fresh workbook, with no trace of the old text.
  expect(JSON.stringify(await storedWorkbook(page))).not.toContain('Something to erase.');

  await page.goto('./#/debrief');
  await expect(page.getByLabel('In a sentence or two, what happened?')).toHaveValue('');
});

test('two tabs follow each other, so neither writes over the other', async ({ page, context }) => {
  const summary = (p: typeof page) => p.getByLabel('In a sentence or two, what happened?');
  await open(page, '#/debrief');
  const other = await context.newPage();
  await other.goto('./#/debrief');
  await summary(page).fill('Typed in the first tab');
  await expect(summary(other)).toHaveValue('Typed in the first tab');
  await summary(other).fill('Then in the second tab');
  await expect(summary(page)).toHaveValue('Then in the second tab');
  await page.reload();
  await expect(summary(page)).toHaveValue('Then in the second tab');
  await other.close();
});

test('two tabs editing at the same moment are told, not silently overwritten', async ({ page, context }) => {
  const summary = (p: typeof page) => p.getByLabel('In a sentence or two, what happened?');
  await open(page, '#/debrief');
  const other = await context.newPage();
  await other.goto('./#/debrief');
  await expect(summary(other)).toBeVisible();
  // Keep the first tab's edit unsaved (its writes fail) while the second tab saves.
  await page.evaluate(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await summary(page).fill('First tab, not saved yet');
  await expect(page.getByRole('status').first()).toHaveText('Not saved');
  await summary(other).fill('Second tab, saved');
  await expect(other.getByRole('status').first()).toHaveText('Saved on this device');
  await expect(page.getByRole('alert').filter({ hasText: 'Comeback is open in another tab too' })).toBeVisible();
  await expect(summary(page)).toHaveValue('First tab, not saved yet');
  await other.close();
});
