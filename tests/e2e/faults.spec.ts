// The rows of the fault matrix that the other files do not already cover:
// export while storage fails, a 50 MB file refused before it is read,
// missing fields and repeated ids in an import, a failure in the middle of a
// save, script payloads typed and imported, a past schema migrated once and
// for all, and corrupt data falling back to the last good snapshot.
import { test, expect, open, reloadKeepingSnapshot, held, storedWorkbook, downloadBackup, recoveryCopies, tempFile, backupText, WORKBOOK_KEY, LEGACY_WORKBOOK_KEY, NS } from './fixtures';
import type { Page } from '@playwright/test';
import { generateWorkbookText, LARGE } from './data/generate';
import * as fs from 'node:fs';
import * as path from 'node:path';

const SUMMARY = 'In a sentence or two, what happened?';

test('with storage full, the work can still be exported', async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await open(page, '#/debrief');
  await page.getByLabel(SUMMARY).fill('Written while storage is full');
  await expect(page.getByRole('alert')).toContainText('not saved on this device yet');
  const backup = await downloadBackup(page);
  expect(backup.workbook.debrief.summary).toBe('Written while storage is full');
  expect(await storedWorkbook(page)).toEqual({});
});

test('with storage switched off, the app runs in memory with a warning and export works', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
  });
  await open(page, '#/debrief');
  await expect(page.getByRole('alert')).toContainText('not letting Comeback keep anything on this device');
  await page.getByLabel(SUMMARY).fill('Kept only in this tab');
  await expect(page.getByLabel(SUMMARY)).toHaveValue('Kept only in this tab');
  const backup = await downloadBackup(page);
  expect(backup.workbook.debrief.summary).toBe('Kept only in this tab');
});

test('when what is stored cannot be read, the app says so and writes nothing over it', async ({ page }) => {
  await open(page, '#/debrief');
  await page.getByLabel(SUMMARY).fill('Written before the read fails');
  await expect(page.getByRole('status').first()).toHaveText('Saved on this device');
  const before = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  await page.addInitScript((key) => {
    const getItem = Storage.prototype.getItem;
    Storage.prototype.getItem = function (name: string) {
      if (name === key) throw new DOMException('The operation failed for reasons unrelated to the database itself.', 'UnknownError');
      return getItem.call(this, name);
    };
  }, WORKBOOK_KEY);
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('Comeback could not read what it keeps on this device');
  await expect(page.getByLabel(SUMMARY)).toBeDisabled();
  await page.goto('./#/first-steps');
  await page.goto('./#/debrief');
  expect(await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()))).toBe(before);
});

test('a 50 MB file is refused before it is read', async ({ page }) => {
  await page.addInitScript(() => {
    const read = Blob.prototype.text;
    Blob.prototype.text = function () {
      (window as unknown as { fileWasRead: boolean }).fileWasRead = true;
      return read.call(this);
    };
  });
  await open(page, '#/backup');
  const before = await storedWorkbook(page);
  const restore = page.getByRole('region', { name: 'Restore from a backup' });
  await restore.getByLabel('Choose a backup file').setInputFiles(tempFile('huge.json', Buffer.alloc(50 * 1024 * 1024, 32)));
  await expect(restore.getByRole('alert')).toContainText('limit is 10 MB');
  expect(await page.evaluate(() => (window as unknown as { fileWasRead?: boolean }).fileWasRead)).toBeUndefined();
  expect(await storedWorkbook(page)).toEqual(before);
});

test('an import with missing fields takes the defaults, a record without an id is refused, repeated ids are kept once', async ({ page }) => {
  const id = '00000000-0000-4000-8000-00000000000a';
  const contacts = [
    { id, updated_at: '2026-01-01T00:00:00Z', name: 'Kim (old)' },
    { id, updated_at: '2026-01-02T00:00:00Z', name: 'Kim' },
  ];
  await open(page, '#/backup');
  const before = await storedWorkbook(page);
  const restore = page.getByRole('region', { name: 'Restore from a backup' });
  const input = restore.getByLabel('Choose a backup file');
  // Without an id a record could not be matched on the next merge: refused, with the reason.
  await input.setInputFiles(tempFile('no-id.json', backupText({ outreach: { contacts: [...contacts, { name: 'No id at all' }] } })));
  await expect(restore.getByRole('alert')).toContainText('missing field `id`');
  expect(await storedWorkbook(page)).toEqual(before);

  await input.setInputFiles(tempFile('sparse.json', backupText({ debrief: { summary: 'Only a summary here' }, outreach: { contacts } })));
  const preview = restore.getByRole('region', { name: 'What is in this backup' });
  await expect(preview.getByRole('row', { name: /^Contacts/ }).first()).toHaveText(/Contacts\s*1\s*0/);
  await preview.getByRole('button', { name: 'Replace my data with this backup' }).click();
  await page.goto('./#/share');
  const outreach = page.getByRole('region', { name: 'Your outreach list' });
  await expect(outreach.getByRole('button', { name: 'Kim', exact: true })).toBeVisible();
  await expect(outreach.getByRole('button', { name: 'Kim (old)' })).toHaveCount(0);
  await page.reload();
  await page.goto('./#/debrief');
  await expect(page.getByLabel(SUMMARY)).toHaveValue('Only a summary here');
  expect((await held(page)).debrief.session.minutes).toBe(180);
});

test('a failure in the middle of a save leaves the previous copy whole, and the next save is whole', async ({ page, context }) => {
  await open(page, '#/debrief');
  await page.getByLabel(SUMMARY).fill('The copy before');
  await expect(page.getByRole('status').first()).toHaveText('Saved on this device');
  const before = await storedWorkbook(page);
  // The write of the workbook (its root or any of its parts) dies half-way
  // (as in a crash); other keys still work.
  await page.evaluate((key) => {
    const original = Storage.prototype.setItem;
    (window as unknown as { restoreSetItem: () => void }).restoreSetItem = () => { Storage.prototype.setItem = original; };
    Storage.prototype.setItem = function (k: string, v: string) {
      if (k === key || k.startsWith(`${key}.`)) throw new Error('the tab crashed while writing');
      return original.call(this, k, v);
    };
  }, WORKBOOK_KEY);
  await page.getByLabel(SUMMARY).fill('The copy after, never half-written');
  await expect(page.getByRole('status').first()).toHaveText('Not saved');
  const other = await context.newPage();
  await other.goto('./#/debrief');
  await expect(other.getByLabel(SUMMARY)).toHaveValue('The copy before');
  await expect(other.getByRole('alert')).toHaveCount(0);
  expect(await storedWorkbook(other)).toEqual(before);
  await other.close();

  await page.evaluate(() => (window as unknown as { restoreSetItem: () => void }).restoreSetItem());
  await page.getByLabel(SUMMARY).fill('The copy after, written whole');
  await expect(page.getByRole('status').first()).toHaveText('Saved on this device');
  const after = await context.newPage();
  await after.goto('./#/debrief');
  await expect(after.getByLabel(SUMMARY)).toHaveValue('The copy after, written whole');
  await expect(after.getByRole('alert')).toHaveCount(0);
});

const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=2</script>',
  '"><svg onload="window.__xss=3">',
  "javascript:window.__xss=4",
  '<a href="javascript:window.__xss=5">click</a>',
];

async function expectInert(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await expect(page.locator('img[src="x"], script:not([type]):not([src]), svg[onload], a[href^="javascript:"]')).toHaveCount(0);
}

test('script payloads typed, exported and imported again are shown as text and never run', async ({ page }) => {
  await open(page, '#/debrief');
  await page.getByLabel(SUMMARY).fill(PAYLOADS.join(' '));
  await page.goto('./#/share');
  const add = page.getByRole('region', { name: 'Add someone' });
  for (const payload of PAYLOADS) {
    await add.getByLabel('Name', { exact: true }).fill(payload);
    await add.getByRole('button', { name: 'Add to my list' }).click();
  }
  const outreach = page.getByRole('region', { name: 'Your outreach list' });
  for (const payload of PAYLOADS) await expect(outreach.getByRole('button', { name: payload, exact: true })).toBeVisible();
  await outreach.getByRole('button', { name: PAYLOADS[3], exact: true }).click();
  await page.getByLabel('Profile URL').fill(PAYLOADS[3]);
  await expect(page.getByRole('status').first()).toHaveText('Saved on this device');
  await expectInert(page);

  // Exported, then imported on a fresh start, the same text comes back, still inert.
  const backup = await downloadBackup(page);
  expect(backup.workbook.debrief.summary).toBe(PAYLOADS.join(' '));
  await page.getByRole('button', { name: 'Erase everything…' }).click();
  await page.getByRole('button', { name: 'Yes, erase everything' }).click();
  const restore = page.getByRole('region', { name: 'Restore from a backup' });
  await restore.getByLabel('Choose a backup file').setInputFiles(tempFile('payloads.json', JSON.stringify(backup)));
  await restore.getByRole('button', { name: 'Replace my data with this backup' }).click();
  await page.goto('./#/share');
  for (const payload of PAYLOADS) await expect(outreach.getByRole('button', { name: payload, exact: true })).toBeVisible();
  await page.goto('./#/debrief');
  await expect(page.getByLabel(SUMMARY)).toHaveValue(PAYLOADS.join(' '));
  await page.goto('./#/');
  await expectInert(page);
});

test('payloads imported in every kind of text are shown as text on every page', async ({ page }) => {
  const [img, script, svg, js, link] = PAYLOADS;
  const meta = (n: number) => ({ id: `00000000-0000-4000-8000-0000000000${10 + n}`, updated_at: '2026-01-01T00:00:00Z' });
  const file = backupText({
    debrief: {
      setback: 'stalled', summary: img, closure_note: script,
      timeline: [{ ...meta(1), what: svg, my_part: link, date: { precision: 'unknown' } }],
      lessons: [{ ...meta(2), text: img }], options: [{ ...meta(3), text: script }],
      factors: [{ ...meta(4), text: svg, control: 'mine' }],
    },
    outreach: { contacts: [{ ...meta(5), name: link, notes: img, profile_url: js, company: svg }], announcement: { moved_on_from: script, pursuing: img } },
    mojo: {
      projects: [{ ...meta(6), name: svg, goal: img, milestones: [{ ...meta(7), text: script }] }],
      events: [{ ...meta(8), name: img, place: link, notes: script, people: [{ ...meta(9), name: svg }] }],
      proud: [{ ...meta(10), text: script, link: js }],
    },
    plan: { actions: [{ ...meta(11), title: img }] },
    first_steps: { checklist: [{ ...meta(12), title: svg, why: script }] },
  });
  await open(page, '#/backup');
  const restore = page.getByRole('region', { name: 'Restore from a backup' });
  await restore.getByLabel('Choose a backup file').setInputFiles(tempFile('payloads.json', file));
  await restore.getByRole('button', { name: 'Replace my data with this backup' }).click();
  for (const route of ['#/', '#/first-steps', '#/debrief', '#/share', '#/mojo', '#/next', '#/backup']) {
    await page.goto(`./${route}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectInert(page);
  }
  await page.goto('./#/mojo');
  await expect(page.getByText(script, { exact: true }).first()).toBeVisible();
  await page.goto('./#/next');
  await expect(page.getByText(img, { exact: true }).first()).toBeVisible();
});

test('a workbook of a past schema is migrated once, and loading it again changes nothing', async ({ page }) => {
  const v1 = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'workbook-v1.json'), 'utf8');
  await open(page);
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [WORKBOOK_KEY, v1]);
  await page.goto('./#/debrief');
  await page.reload();
  await expect(page.getByRole('alert')).toHaveCount(0);
  const shown = await page.getByLabel(SUMMARY).inputValue();
  // The first edit writes the current schema; loads after that change nothing.
  await page.getByLabel(SUMMARY).fill(`${shown}.`);
  await expect(page.getByRole('status').first()).toHaveText('Saved on this device');
  const migrated = await storedWorkbook(page);
  expect(migrated[WORKBOOK_KEY], 'the old text was written over').not.toBe(v1);
  await page.reload();
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await page.reload();
  expect(await storedWorkbook(page)).toEqual(migrated);
  await expect(page.getByLabel(SUMMARY)).toHaveValue(`${shown}.`);
  expect((await held(page)).schema_version).toBe(8);
});

test('corrupt data can fall back to the last good snapshot, keeping the unreadable text', async ({ page }) => {
  await open(page, '#/debrief');
  await page.getByLabel(SUMMARY).fill('Good this morning');
  await expect(page.getByRole('status').first()).toHaveText('Saved on this device');
  await reloadKeepingSnapshot(page);
  const good = await held(page);
  const raw = '{"schema_version": 2, "debrief": {"summary": "cut off';
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [WORKBOOK_KEY, raw]);
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('could not be read');
  await page.getByRole('button', { name: /^Go back to the snapshot of / }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByLabel(SUMMARY)).toHaveValue('Good this morning');
  await expect(page.getByLabel(SUMMARY)).toBeEnabled();
  await page.reload();
  expect(await held(page)).toEqual(good);
  const copies = await recoveryCopies(page);
  expect(copies).toEqual([raw]);
});

test('a save that dies after its new buckets but before its manifest loads the old state, never a mix', async ({ page, context }) => {
  await open(page, '#/share');
  const add = page.getByRole('region', { name: 'Add someone' });
  for (const name of ['Ana Lima', 'Ben Ode', 'Chris Park']) {
    await add.getByLabel('Name', { exact: true }).fill(name);
    await add.getByRole('button', { name: 'Add to my list' }).click();
  }
  await expect(page.getByRole('status').first()).toHaveText('Saved on this device');
  const before = await storedWorkbook(page);
  // Every write succeeds but the manifest's, the last of a save (src/io/parts.rs).
  const written = await page.evaluate((key) => {
    const original = Storage.prototype.setItem;
    const keys: string[] = [];
    (window as unknown as { restoreSetItem: () => void }).restoreSetItem = () => { Storage.prototype.setItem = original; };
    (window as unknown as { writtenKeys: string[] }).writtenKeys = keys;
    Storage.prototype.setItem = function (k: string, v: string) {
      if (k === key) throw new Error('the tab crashed before the manifest');
      keys.push(k);
      return original.call(this, k, v);
    };
    return keys;
  }, WORKBOOK_KEY);
  expect(written).toEqual([]);
  await add.getByLabel('Name', { exact: true }).fill('Dana Roy');
  await add.getByRole('button', { name: 'Add to my list' }).click();
  await expect(page.getByRole('status').first()).toHaveText('Not saved');
  const newKeys = await page.evaluate(() => (window as unknown as { writtenKeys: string[] }).writtenKeys);
  expect(newKeys.some((key) => /\.contacts\.\d+\.g\d+$/.test(key)), newKeys.join(', ')).toBe(true);
  // A new bucket is there, named by nothing: another tab reads the old state, whole.
  const other = await context.newPage();
  await other.goto('./#/share');
  await expect(other.getByRole('region', { name: 'Your outreach list' }).getByRole('button', { name: 'Chris Park' })).toBeVisible();
  await expect(other.getByRole('region', { name: 'Your outreach list' }).getByRole('button', { name: 'Dana Roy' })).toHaveCount(0);
  await expect(other.getByRole('alert')).toHaveCount(0);
  const otherStored = await storedWorkbook(other);
  expect(Object.fromEntries(Object.keys(before).map((key) => [key, otherStored[key]])), 'every key of the old state is whole').toEqual(before);
  await other.close();

  await page.evaluate(() => (window as unknown as { restoreSetItem: () => void }).restoreSetItem());
  await add.getByLabel('Name', { exact: true }).fill('Eli Stone');
  await add.getByRole('button', { name: 'Add to my list' }).click();
  await expect(page.getByRole('status').first()).toHaveText('Saved on this device');
  await page.reload();
  const list = page.getByRole('region', { name: 'Your outreach list' });
  for (const name of ['Ana Lima', 'Dana Roy', 'Eli Stone']) await expect(list.getByRole('button', { name })).toBeVisible();
});

test('the data of builds before namespaces is adopted once, and a copy served from another path starts fresh', async ({ page, baseURL }) => {
  const v3 = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'workbook-v3.json'), 'utf8');
  await page.goto('./manifest.webmanifest');
  await page.evaluate(([key, value]) => {
    localStorage.setItem(key, value);
    localStorage.setItem('comeback.snapshot.2026-01-02', value);
  }, [LEGACY_WORKBOOK_KEY, v3]);
  await open(page, '#/share');
  await expect(page.getByRole('region', { name: 'Your outreach list' }).getByRole('button', { name: 'Amina Okafor' })).toBeVisible();
  // The legacy workbook moves once the first page is painted and today's
  // snapshot (a chunk fetched first) is taken: a moment after it shows.
  const storedKeys = () => page.evaluate(() => Object.keys(localStorage).sort());
  await expect.poll(async () => (await storedKeys()).filter((key) => key.startsWith('comeback.')), { message: 'the legacy keys are gone' }).toEqual([]);
  const keys = await storedKeys();
  expect(keys).toContain(`${NS}snapshot.2026-01-02`);
  expect((await held(page)).outreach.contacts[0].name).toBe('Amina Okafor');
  // Another copy of the app on the same origin (another base path) has its own, empty namespace.
  const otherCopy = new URL('/comeback-dev/', baseURL).href;
  const otherKeys = await page.evaluate((ns) => Object.keys(localStorage).filter((key) => !key.startsWith(ns)), NS);
  expect(otherKeys, `nothing outside ${NS} (${otherCopy} would start fresh)`).toEqual([]);
});

test('the benchmark\'s 3 MB workbook in one legacy key moves into buckets within the quota and survives a reload', async ({ page }) => {
  test.setTimeout(180_000);
  const text = generateWorkbookText(LARGE);
  expect(text.length).toBeGreaterThan(2_600_000);
  await page.goto('./manifest.webmanifest');
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [LEGACY_WORKBOOK_KEY, text]);
  await open(page, '#/share');
  await expect(page.getByRole('alert')).toHaveCount(0);
  // The move runs after the first paint and today's snapshot: wait for it.
  await expect.poll(() => page.evaluate((ns) => localStorage.getItem('comeback.workbook') === null && localStorage.getItem(`${ns}workbook`) !== null, NS), { message: 'the legacy key moved', timeout: 30_000 }).toBe(true);
  const layout = await page.evaluate((ns) => ({
    legacy: localStorage.getItem('comeback.workbook'),
    keys: Object.keys(localStorage).filter((key) => key.startsWith(`${ns}workbook`)).length,
    root: localStorage.getItem(`${ns}workbook`)!.length,
  }), NS);
  expect(layout.legacy).toBeNull();
  expect(layout.keys).toBeGreaterThan(1000);
  expect(layout.root).toBeLessThan(1000);
  const moved = await storedWorkbook(page);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await storedWorkbook(page), 'a reload rewrites nothing').toEqual(moved);
  const workbook = await held(page);
  expect(workbook.schema_version).toBe(8);
  expect(workbook.outreach.contacts).toHaveLength(LARGE.contacts);
  expect(workbook.mojo.entries).toHaveLength(LARGE.timeEntries);
  expect(workbook.debrief.timeline).toHaveLength(LARGE.timelineEvents);
});
