// Room for a big workbook (issue 17, item 4): with 5,000 contacts stored,
// the daily snapshot and the Undo copy are kept compressed (src/io/kept.rs)
// beside the workbook, a backup or a snapshot restores, and Undo puts back
// all of it.
import { test, expect, open, held, storedWorkbook, snapshotKeys, tempFile, backupText, WORKBOOK_KEY, NS } from './fixtures';
import type { Page } from '@playwright/test';
import { generateWorkbookText, LARGE } from './data/generate';

const QUOTA = 5_242_879;
const BEFORE_IMPORT = `${NS}before-import`;
const large = generateWorkbookText(LARGE);

/** The text stored under `key`, as stored (compressed copies are compared, never decoded here). */
const raw = (page: Page, key: string) => page.evaluate((k) => localStorage.getItem(k), key);

/** Characters in use at this address, keys and values, as the browser counts them. */
const used = (page: Page) =>
  page.evaluate(() => Object.keys(localStorage).reduce((sum, key) => sum + key.length + localStorage.getItem(key)!.length, 0));

test('with 5,000 contacts, the snapshot and the Undo copy fit: a backup and a snapshot restore, and Undo puts back all of it', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('./manifest.webmanifest');
  await page.evaluate(([key, text]) => { localStorage.clear(); localStorage.setItem(key, text); }, [WORKBOOK_KEY, large]);
  await open(page, '#/backup');

  // Today's snapshot is kept on load, compressed (restoring it, below, reads it back).
  await expect.poll(() => snapshotKeys(page), { timeout: 30_000 }).toHaveLength(1);
  const [snapshotKey] = await snapshotKeys(page);
  const kept = (await raw(page, snapshotKey))!;
  expect(kept.startsWith('gz1:')).toBe(true);
  console.log(`large workbook ${large.length} characters; its snapshot takes ${kept.length} (${((100 * kept.length) / large.length).toFixed(1)}%)`);
  expect(kept.length).toBeLessThan(large.length / 5);

  // An edit is saved, and the snapshot stays.
  await page.goto('./#/debrief');
  const summary = page.getByLabel('In a sentence or two, what happened?');
  await summary.fill('Laid off in March, after six years.');
  await expect(page.getByRole('status').first()).toHaveText('Saved on this device');
  expect(await snapshotKeys(page)).toEqual([snapshotKey]);
  expect(await raw(page, snapshotKey)).toBe(kept);
  const edited = await held(page);
  expect(edited.debrief.summary).toBe('Laid off in March, after six years.');
  expect(edited.outreach.contacts).toHaveLength(LARGE.contacts);
  await page.goto('./#/backup');

  // A backup replaces it: the Undo copy of 3 million characters is kept first.
  const restore = page.getByRole('region', { name: 'Restore from a backup' });
  await restore.getByLabel('Choose a backup file').setInputFiles(tempFile('small.json', backupText({ debrief: { summary: 'From a small backup' } })));
  const preview = restore.getByRole('region', { name: 'What is in this backup' });
  await preview.getByRole('button', { name: 'Replace my data with this backup' }).click();
  await expect(restore.getByText('Your data was replaced by the backup.')).toBeVisible({ timeout: 30_000 });
  expect(await raw(page, BEFORE_IMPORT)).not.toBeNull();
  expect((await held(page)).debrief.summary).toBe('From a small backup');

  // Undo, even after a reload, puts back all of it.
  await page.reload();
  await restore.getByRole('button', { name: 'Undo the last restore' }).click();
  await expect(restore.getByText('your data is back as it was')).toBeVisible({ timeout: 30_000 });
  expect(await raw(page, BEFORE_IMPORT)).toBeNull();
  expect(await held(page)).toEqual(edited);

  // Restoring the snapshot works too (before, the next day's restore was refused: no room for Undo).
  await page.getByRole('list', { name: 'Automatic snapshots' }).getByRole('button', { name: /^Restore the snapshot of / }).click();
  await expect(restore.getByRole('status')).toContainText('restored from the snapshot of', { timeout: 30_000 });
  expect(await raw(page, BEFORE_IMPORT)).not.toBeNull();
  const restored = await held(page);
  const original = JSON.parse(large);
  expect(restored.outreach.contacts).toHaveLength(LARGE.contacts);
  expect(restored.outreach.contacts.map((contact: { name: string }) => contact.name)).toEqual(original.outreach.contacts.map((contact: { name: string }) => contact.name));
  expect(restored.debrief.summary).toBe(original.debrief.summary);
  await restore.getByRole('button', { name: 'Undo the last restore' }).click();
  await expect(restore.getByText('your data is back as it was')).toBeVisible({ timeout: 30_000 });
  expect(await held(page)).toEqual(edited);
  expect(await snapshotKeys(page)).toEqual([snapshotKey]);
  expect(await used(page)).toBeLessThan(QUOTA * 0.8);

  // And it all survives a reload byte for byte, in the current layout (a manifest and buckets).
  const beforeReload = await storedWorkbook(page);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await storedWorkbook(page)).toEqual(beforeReload);
  expect(await held(page)).toEqual(edited);
  expect(await raw(page, snapshotKey)).toBe(kept);
  const bucketKeys = await page.evaluate((ns) => Object.keys(localStorage).filter((key) => key.startsWith(`${ns}workbook.outreach.contacts.`)).length, NS);
  expect(bucketKeys).toBeGreaterThan(500);
});

test('the Backup page shows what takes the room; a calm notice says when storage is nearly full and goes when room is made', async ({ page }) => {
  test.setTimeout(180_000);
  // An older snapshot kept plain, as versions before compression kept them.
  const older = generateWorkbookText({ contacts: 300, timeEntries: 100, timelineEvents: 20 }, 3);
  await page.goto('./manifest.webmanifest');
  await page.evaluate(([key, text, oldKey, oldText]) => {
    localStorage.clear();
    localStorage.setItem(key, text);
    localStorage.setItem(oldKey, oldText);
  }, [WORKBOOK_KEY, large, `${NS}snapshot.2020-01-06`, older]);
  await open(page, '#/backup');
  await expect.poll(() => snapshotKeys(page), { timeout: 30_000 }).toHaveLength(2);
  const list = page.getByRole('list', { name: 'Automatic snapshots' });
  await expect(list.getByRole('button', { name: /^Restore the snapshot of .*2020$/ })).toBeVisible();

  const room = page.getByRole('region', { name: 'Room on this device' });
  await page.reload(); // the room as stored once the workbook has moved into its layout
  await expect(room).toContainText(/Comeback uses about 3\.\d million characters on this device\. This browser keeps about 5\.2 million characters for this site, and \d+% of that is in use\./);
  await expect(room.getByRole('row', { name: /^Your workbook/ })).toContainText(/about \d\.\d million characters/);
  await expect(room.getByRole('row', { name: /^2 daily snapshots/ })).toContainText('thousand characters');
  await expect(room.getByRole('meter', { name: 'Storage in use' })).toBeVisible();
  const notice = page.getByRole('region', { name: 'Storage is nearly full' });
  await expect(notice).toHaveCount(0);

  // Another app served from this address takes storage to just past 80%.
  const fill = Math.ceil(QUOTA * 0.8) - (await used(page)) + 20_000;
  await page.evaluate((n) => localStorage.setItem('another-app.cache', 'x'.repeat(n)), fill);
  await page.reload();
  await expect(notice).toContainText("This browser's storage for Comeback is nearly full.");
  await expect(notice).toContainText('About 80% of the room this browser keeps for this site is in use.');
  await expect(notice).toContainText(/your workbook \(about \d\.\d million characters\)/);
  await expect(notice).toContainText(/other sites at this address \(about \d+ thousand characters\)/);
  await expect(notice).toContainText(/2 daily snapshots \(about \d+ thousand characters\)/);
  await expect(notice).toContainText('Nothing is lost');
  await expect(room.getByRole('row', { name: /^Other sites at this address/ })).toBeVisible();
  // It is a calm notice, not an alarm.
  await expect(page.getByRole('alert').filter({ hasText: 'nearly full' })).toHaveCount(0);

  // It shows on every page, and offers a backup.
  await page.goto('./#/debrief');
  await expect(notice).toBeVisible();
  const download = page.waitForEvent('download');
  await notice.getByRole('button', { name: 'Download a backup' }).click();
  expect((await download).suggestedFilename()).toMatch(/^comeback-backup-\d{4}-\d{2}-\d{2}\.json$/);

  // Removing the older snapshot makes room: the notice goes, today's snapshot stays.
  const [, today] = await snapshotKeys(page);
  const todays = await raw(page, today);
  await notice.getByRole('button', { name: 'Remove older snapshots' }).click();
  await expect(notice).toHaveCount(0);
  expect(await snapshotKeys(page)).toEqual([today]);
  expect(await raw(page, today)).toBe(todays);
  expect(await used(page)).toBeLessThan(QUOTA * 0.8);
});
