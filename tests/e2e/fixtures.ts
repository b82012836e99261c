// The `page` every test gets fails the test on any console error, uncaught
// exception, or request that leaves the app's own origin (the app must never
// talk to a server).
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The namespace of the copy served from /comeback/ (src/io/namespace.rs): every key starts with it. */
export const NS = 'comeback@/comeback/.';
/** The workbook's manifest (src/io/parts.rs). Seeding a whole document here works too: the app moves it into buckets. */
export const WORKBOOK_KEY = `${NS}workbook`;
/** Where builds before namespaces kept the workbook; the first copy to load adopts it. */
export const LEGACY_WORKBOOK_KEY = 'comeback.workbook';

export const test = base.extend<{ problems: string[] }>({
  problems: async ({}, use) => {
    await use([]);
  },
  page: async ({ page, baseURL, problems }, use) => {
    const origin = new URL(baseURL!).origin;
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    // Any Content-Security-Policy violation is reported as a console error.
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}`);
      });
    });
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== origin && url.protocol !== 'blob:' && url.protocol !== 'data:') {
        problems.push(`request left the origin: ${url.href}`);
        return route.abort();
      }
      return route.continue();
    });
    await use(page);
    expect(problems, 'console errors, uncaught exceptions or off-origin requests').toEqual([]);
  },
});

export { expect };

/** Holds every request matching `glob` until the returned function is called. */
export async function holdRequests(page: Page, glob: string): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(glob, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Opens a page of the app and waits until it has rendered its heading. */
export async function open(page: Page, hash = '') {
  await page.goto(hash ? `./${hash}` : './');
  // A first load fetches and compiles the wasm and the page's chunk: on a
  // loaded CI machine that has taken longer than the 5 s of an expect.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 20_000 });
  await settled(page);
}

/**
 * Stores `workbook` (an object, or text as it is) as the stored workbook
 * before the page's first script runs, unless something is stored already:
 * a reload then reads what the app itself wrote.
 */
export async function storeBeforeLoad(page: Page, workbook: object | string) {
  const text = typeof workbook === 'string' ? workbook : JSON.stringify(workbook);
  await page.addInitScript(([key, value]) => {
    if (!window.localStorage.getItem(key)) window.localStorage.setItem(key, value);
  }, [WORKBOOK_KEY, text] as const);
}

/**
 * Leaves Today's first-visit welcome by its Start button. Until then Today
 * shows the welcome in place of the keep-going cards (the weekly review, the
 * momentum since the setback, the install guidance).
 */
export async function start(page: Page) {
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Momentum since the setback' })).toBeVisible();
}

/**
 * Moves to another page of the app, as a link does, and waits for the focus
 * the app then moves to its heading (a frame later, or once a fetched page is
 * drawn). A key pressed before that can land on the heading instead: a
 * clean-clone CI run pressed Next in the debrief sequence and nothing moved.
 */
export async function goTo(page: Page, hash: string) {
  // The last page's heading may hold the focus still: only the new one counts.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.goto(`./${hash}`);
  await expect(page.locator('main h1')).toBeFocused({ timeout: 20_000 });
}

/**
 * Waits for what the app does once its first page is on screen (today's
 * snapshot, the move into the current layout; src/web/later.rs runs it
 * after the next frame): one frame, then a task queued after it.
 */
export async function settled(page: Page) {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
}

/** The keys of the daily snapshots kept at this address, oldest first. */
export function snapshotKeys(page: Page): Promise<string[]> {
  return page.evaluate((ns) => Object.keys(localStorage).filter((key) => key.startsWith(`${ns}snapshot.`)).sort(), NS);
}

/**
 * Reloads the page and waits until opening it has kept today's snapshot:
 * the app does that once its first page is on screen, and on a slow
 * machine the wasm can still be loading when `settled` returns.
 */
export async function reloadKeepingSnapshot(page: Page): Promise<string[]> {
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect.poll(() => snapshotKeys(page)).not.toHaveLength(0);
  await settled(page);
  return snapshotKeys(page);
}

/**
 * Waits until a route change has arrived at the page with this heading and
 * the app has moved focus to it (a frame after the change, or once a fetched
 * page is drawn). Keys pressed before then can lose their target to that
 * move, so a keyboard walk waits for it before pressing on.
 */
export async function arrive(page: Page, heading: string) {
  const h1 = page.getByRole('heading', { level: 1 });
  await expect(h1).toHaveText(heading);
  await expect(h1).toBeFocused();
}

/** Focuses an element and presses keys on it, as a keyboard user does. */
export async function press(target: Locator, key: string) {
  await target.focus();
  await target.page().keyboard.press(key);
}

/** Types into a field from the keyboard. */
export async function type(target: Locator, text: string) {
  await target.focus();
  await target.page().keyboard.type(text);
}

/** Every route of the app, the unknown one included (it shows "page not found"). */
export const routes = ['', '#/first-steps', '#/debrief', '#/debrief/guide', '#/debrief/session', '#/share', '#/mojo', '#/next', '#/backup', '#/review', '#/nowhere'];

/** Loads the example workbook the way a visitor does, from the welcome on Today. */
export async function loadExample(page: Page) {
  await open(page);
  await page.getByRole('button', { name: 'Try it with example data' }).click();
  await expect(page.getByRole('region', { name: 'Example data' })).toBeVisible();
}

/**
 * Every key the workbook is stored under at this address, with its text,
 * exactly as stored (this copy's namespace and the legacy key; `{}`: nothing
 * stored). For showing that something wrote nothing, or that a reload
 * rewrote nothing: it is compared, never decoded. What the data says is read
 * through the app itself (`held`), not through a copy of its storage layout.
 */
export function storedWorkbook(page: Page): Promise<Record<string, string>> {
  return page.evaluate(([workbookKey, legacyKey]) => {
    const keys = Object.keys(localStorage).filter((key) => key === legacyKey || key === workbookKey || key.startsWith(`${workbookKey}.`));
    return Object.fromEntries(keys.sort().map((key) => [key, localStorage.getItem(key)!]));
  }, [WORKBOOK_KEY, LEGACY_WORKBOOK_KEY] as const);
}

/** Downloads a plain backup from the Backup page (going there) and returns the file, parsed. */
export async function downloadBackup(page: Page) {
  await page.goto('./#/backup');
  const download = page.waitForEvent('download');
  await page.getByRole('region', { name: 'Make a backup' }).getByRole('button', { name: 'Download a backup' }).click();
  const backup = JSON.parse(await downloadedText(await download));
  // The download notes its time in the workbook: let that save finish.
  await expect(page.getByRole('status').first()).not.toHaveText('Saving…');
  return backup;
}

/**
 * The workbook the app holds, read through the app: its own backup
 * download, then back to the page the test was on. A download notes its time
 * in the settings (`last_export_at`); that one field is left out, so two
 * reads compare. After a reload, this is what was stored.
 */
export async function held(page: Page) {
  const url = new URL(page.url());
  const back = url.hash ? url.href : `${url.href}#/`;
  const { workbook } = await downloadBackup(page);
  delete workbook.settings?.last_export_at;
  if (page.url() !== back) await page.goto(back);
  return workbook;
}

/** The recovery copies of unreadable data, oldest first, each as its Download button on the Backup page gives it. */
export async function recoveryCopies(page: Page): Promise<string[]> {
  await page.goto('./#/backup');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Backup & settings');
  const list = page.getByRole('list', { name: 'Recovery copies' });
  if ((await list.count()) === 0) return [];
  const copies: string[] = [];
  for (const button of await list.getByRole('button', { name: /^Download Recovery copy \d+/ }).all()) {
    const download = page.waitForEvent('download');
    await button.click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^comeback-recovery-copy-\d{4}-\d{2}-\d{2}\.txt$/);
    copies.push(await downloadedText(file));
  }
  return copies;
}

/** Reads a download's text. */
export async function downloadedText(download: import('@playwright/test').Download): Promise<string> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Writes a file to pick in a file input; returns its path. */
export function tempFile(name: string, content: string | Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comeback-e2e-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

/** A backup file's text for a workbook (missing parts take their defaults). */
export function backupText(workbook: object): string {
  return JSON.stringify({
    format: 'comeback-backup', schema_version: 2, app_version: '0.1.0', exported_at: '2026-01-03T12:00:00Z',
    workbook: { schema_version: 2, ...workbook },
  });
}
