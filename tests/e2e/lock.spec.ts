// The workbook locked on this device (issue 23): turned on from the Backup
// page, everything stored is sealed (the typed text is nowhere in
// localStorage, in any form), a reload asks for the passphrase, a wrong one
// changes nothing, the right one shows everything; the passphrase changed
// and the lock turned off; two tabs; the fault matrix's quota and corrupt
// rows on a locked workbook.
import { test, expect, open, downloadedText, tempFile, backupText, WORKBOOK_KEY, NS } from './fixtures';
import type { Page } from '@playwright/test';

const SUMMARY = 'In a sentence or two, what happened?';
const PASSPHRASE = 'a long walk by the river in März';
const SECRET = 'Let go after the Halvorsen audit';
const LATER = 'Still hurts: the Ødegård email "why me"';

/** Every key and value this copy of the app stored. */
function everything(page: Page): Promise<Record<string, string>> {
  return page.evaluate((ns) => {
    const all: Record<string, string> = {};
    for (const key of Object.keys(localStorage)) if (key.startsWith(ns)) all[key] = localStorage.getItem(key)!;
    return all;
  }, NS);
}

/** Fails if `text` is in storage as it is, JSON-escaped, or in ASCII-escaped JSON. */
async function expectNowhere(page: Page, texts: string[]) {
  const stored = await everything(page);
  const haystack = Object.entries(stored).map(([key, value]) => `${key}\n${value}`).join('\n');
  for (const text of texts) {
    const forms = new Set([text, JSON.stringify(text).slice(1, -1), JSON.stringify(text).slice(1, -1).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)]);
    for (const word of text.split(/\s+/).filter((word) => word.length > 4)) forms.add(word);
    for (const form of forms) expect(haystack, `"${form}" is stored readable`).not.toContain(form);
  }
}

async function lockOn(page: Page, passphrase = PASSPHRASE) {
  await page.goto('./#/backup');
  const card = page.getByRole('region', { name: 'Lock this workbook on this device' });
  await card.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await card.getByLabel('The same passphrase again').fill(passphrase);
  await card.getByRole('button', { name: 'Lock my workbook' }).click();
  await expect(card.getByRole('button', { name: 'Lock now' })).toBeVisible({ timeout: 15_000 });
  return card;
}

async function unlock(page: Page, passphrase = PASSPHRASE) {
  await expect(page.getByRole('heading', { name: 'Your workbook is locked' })).toBeVisible();
  await page.getByLabel('Passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
}

async function writeSummary(page: Page, text: string) {
  await page.goto('./#/debrief');
  await page.getByLabel(SUMMARY).fill(text);
  await expect(page.getByRole('status').first()).toHaveText('Saved on this device');
}

test('locked: nothing readable is stored, a reload asks for the passphrase, a wrong one changes nothing, the right one shows everything', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page, '#/debrief');
  await writeSummary(page, SECRET);
  await page.getByRole('button', { name: 'Add an event' }).click();
  await expect(page.getByRole('textbox', { name: 'What happened', exact: true })).toBeFocused();
  await page.keyboard.type('Halvorsen called me in');
  await expect(page.getByRole('status').first()).toHaveText('Saved on this device');

  const card = await lockOn(page);
  await expect(card).toContainText('Your workbook is locked on this device');
  // Saves once locked are sealed too, and the last keystroke survives a reload.
  await writeSummary(page, LATER);
  await expectNowhere(page, [SECRET, LATER, 'Halvorsen called me in']);
  const root = JSON.parse((await everything(page))[WORKBOOK_KEY]);
  expect(root.schema_version).toBe(9);
  expect(root.lock).toMatchObject({ kdf: 'PBKDF2-SHA-256', cipher: 'AES-256-GCM', state: 'locked' });
  expect(root.lock.iterations).toBeGreaterThanOrEqual(600_000);
  expect(JSON.stringify(root)).not.toMatch(/hint|passphrase/i);
  for (const [key, value] of Object.entries(await everything(page))) {
    if (key !== WORKBOOK_KEY && !key.endsWith('lock-signal')) expect(value.startsWith('lk1:'), key).toBe(true);
  }

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your workbook is locked' })).toBeVisible();
  await expect(page.getByLabel(SUMMARY)).toHaveCount(0);
  const before = await everything(page);
  await unlock(page, `${PASSPHRASE}.`);
  await expect(page.getByRole('status')).toHaveText('That passphrase does not open this workbook. Nothing was changed; try again.');
  expect(await everything(page)).toEqual(before);

  // The same passphrase with the ä typed as a + combining diaeresis (NFD) opens it: NFC first.
  await unlock(page, PASSPHRASE.normalize('NFD'));
  await expect(page.getByLabel(SUMMARY)).toHaveValue(LATER);
  await expect(page.getByRole('region', { name: 'The timeline' }).getByRole('listitem')).toContainText('Halvorsen called me in');
  await expectNowhere(page, [SECRET, LATER]);
});

test('the passphrase changed, then the lock turned off: both ask for the current one', async ({ page }) => {
  test.setTimeout(90_000);
  await open(page, '#/debrief');
  await writeSummary(page, SECRET);
  const card = await lockOn(page);
  const newPassphrase = 'another sentence only I would think of';

  await card.getByLabel('Current passphrase').fill('not it');
  await card.getByLabel('New passphrase', { exact: true }).fill(newPassphrase);
  await card.getByLabel('The new passphrase again').fill(newPassphrase);
  const before = await everything(page);
  await card.getByRole('button', { name: 'Change the passphrase' }).click();
  await expect(card.getByRole('status')).toContainText('The passphrase was not changed. That passphrase does not open this workbook.');
  expect(await everything(page)).toEqual(before);

  await card.getByLabel('Current passphrase').fill(PASSPHRASE);
  await card.getByRole('button', { name: 'Change the passphrase' }).click();
  await expect(card.getByRole('status')).toHaveText('Done: from now on, your new passphrase opens the workbook.');
  // Every value was sealed again: none is as it was.
  const after = await everything(page);
  for (const key of Object.keys(before)) expect(after[key], key).not.toBe(before[key]);
  await expectNowhere(page, [SECRET]);

  await page.reload();
  await unlock(page, PASSPHRASE);
  await expect(page.getByRole('status')).toContainText('does not open this workbook');
  await unlock(page, newPassphrase);
  await expect(page.getByRole('heading', { name: 'Backup & settings' })).toBeVisible();

  await card.getByLabel('Current passphrase').fill(newPassphrase);
  await card.getByRole('button', { name: 'Turn the lock off' }).click();
  await expect(card.getByRole('button', { name: 'Lock my workbook' })).toBeVisible({ timeout: 15_000 });
  const plain = await everything(page);
  expect(Object.values(plain).some((value) => value.startsWith('lk1:'))).toBe(false);
  expect(JSON.parse(plain[WORKBOOK_KEY]).lock).toBeUndefined();
  await page.reload();
  await page.goto('./#/debrief');
  await expect(page.getByLabel(SUMMARY)).toHaveValue(SECRET);
});

test('two tabs: each unlocks for itself, and locking one locks both', async ({ page, context }) => {
  test.setTimeout(90_000);
  await open(page, '#/debrief');
  await writeSummary(page, SECRET);
  const other = await context.newPage();
  await other.goto('./#/debrief');
  await expect(other.getByLabel(SUMMARY)).toHaveValue(SECRET);

  // Turning the lock on in one tab locks the other, which never writes plain text over it.
  await lockOn(page);
  await expect(other.getByRole('heading', { name: 'Your workbook is locked' })).toBeVisible();
  await unlock(other);
  await expect(other.getByLabel(SUMMARY)).toHaveValue(SECRET);
  await other.getByLabel(SUMMARY).fill(LATER);
  await expect(other.getByRole('status').first()).toHaveText('Saved on this device');
  await expectNowhere(page, [SECRET, LATER]);

  await page.getByRole('button', { name: 'Lock now' }).click();
  await expect(page.getByRole('heading', { name: 'Your workbook is locked' })).toBeVisible();
  await expect(other.getByRole('heading', { name: 'Your workbook is locked' })).toBeVisible();
  await unlock(page);
  await page.goto('./#/debrief');
  await expect(page.getByLabel(SUMMARY)).toHaveValue(LATER);
  await other.close();
});

test('locked and left alone: it locks again after the chosen idle time', async ({ page }) => {
  test.setTimeout(120_000);
  await page.clock.install();
  await open(page, '#/debrief');
  await writeSummary(page, SECRET);
  await page.goto('./#/backup');
  const card = page.getByRole('region', { name: 'Lock this workbook on this device' });
  await card.getByLabel('Lock again when I leave it alone').selectOption({ label: 'After 5 minutes' });
  await lockOn(page);
  await page.clock.runFor(4 * 60_000);
  await expect(card.getByRole('button', { name: 'Lock now' })).toBeVisible();
  await page.clock.runFor(90_000);
  await expect(page.getByRole('heading', { name: 'Your workbook is locked' })).toBeVisible();
});

test('fault matrix on a locked workbook: with storage full the work is kept in the tab and exports; a changed value reads as unreadable, never half-read', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page, '#/debrief');
  await writeSummary(page, SECRET);
  await lockOn(page);

  // Quota: nothing is saved, the person is told, and a backup still has the text.
  await page.goto('./#/debrief');
  const before = await everything(page);
  await page.evaluate(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.getByLabel(SUMMARY).fill(LATER);
  await expect(page.getByRole('alert')).toContainText('not saved on this device yet');
  expect(await everything(page)).toEqual(before);
  await page.goto('./#/backup');
  // A locked workbook's backup is locked by default; plain only when chosen, with a warning.
  const exportCard = page.getByRole('region', { name: 'Make a backup' });
  await expect(exportCard.getByRole('checkbox', { name: 'Lock it with a passphrase' })).toBeChecked();
  await exportCard.getByRole('checkbox', { name: 'Lock it with a passphrase' }).uncheck();
  await expect(exportCard).toContainText('anyone who has the file can read it');
  const download = page.waitForEvent('download');
  await exportCard.getByRole('button', { name: 'Download a backup' }).click();
  expect(JSON.parse(await downloadedText(await download)).workbook.debrief.summary).toBe(LATER);

  // Corrupt: one sealed value changed by a character.
  await page.reload();
  await unlock(page);
  await expect(page.getByRole('heading', { name: 'Backup & settings' })).toBeVisible();
  const part = Object.keys(await everything(page)).find((key) => /\.workbook\.debrief\.g\d+$/.test(key))!;
  await page.evaluate((key) => {
    const value = localStorage.getItem(key)!;
    const at = value.length - 5;
    localStorage.setItem(key, value.slice(0, at) + (value[at] === '\u4e00' ? '\u4e01' : '\u4e00') + value.slice(at + 1));
  }, part);
  await page.reload();
  await unlock(page);
  await expect(page.getByRole('alert')).toContainText('could not be read');
  await page.goto('./#/debrief');
  await expect(page.getByLabel(SUMMARY)).toBeDisabled();
  await expectNowhere(page, [SECRET]);
});

test('a backup restored into a locked workbook is stored sealed, its Undo copy too', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page, '#/debrief');
  await writeSummary(page, SECRET);
  const card = await lockOn(page);
  const restored = 'Restored from the laptop: the Kjærgaard reference';
  const restore = page.getByRole('region', { name: 'Restore from a backup' });
  await restore.getByLabel('Choose a backup file').setInputFiles(tempFile('backup.json', backupText({ debrief: { summary: restored } })));
  await restore.getByRole('region', { name: 'What is in this backup' }).getByRole('button', { name: 'Replace my data with this backup' }).click();
  await expect(restore.getByText('Your data was replaced by the backup.')).toBeVisible();
  await expect(card.getByRole('button', { name: 'Lock now' })).toBeVisible();
  // The workbook and the copy kept for Undo (the text from before) are both sealed.
  await expectNowhere(page, [restored, SECRET]);
  await page.reload();
  await unlock(page);
  await page.goto('./#/debrief');
  await expect(page.getByLabel(SUMMARY)).toHaveValue(restored);
  await page.goto('./#/backup');
  await restore.getByRole('button', { name: 'Undo the last restore' }).click();
  await expect(restore.getByText('your data is back as it was')).toBeVisible();
  await page.goto('./#/debrief');
  await expect(page.getByLabel(SUMMARY)).toHaveValue(SECRET);
  await expectNowhere(page, [restored, SECRET]);
});

test('the idle time chosen while unlocked is kept, and followed', async ({ page }) => {
  test.setTimeout(120_000);
  await page.clock.install();
  await open(page, '#/debrief');
  await writeSummary(page, SECRET);
  await page.goto('./#/backup');
  const card = page.getByRole('region', { name: 'Lock this workbook on this device' });
  await card.getByLabel('Lock again when I leave it alone').selectOption({ label: 'Only when I lock it' });
  await lockOn(page);
  await card.getByLabel('Lock again when I leave it alone').selectOption({ label: 'After 5 minutes' });
  await expect(card.getByRole('status')).toHaveText('It locks again after 5 minutes left alone.');
  await page.reload();
  await unlock(page);
  await expect(card.getByLabel('Lock again when I leave it alone')).toHaveValue('5');
  await page.clock.runFor(6 * 60_000);
  await expect(page.getByRole('heading', { name: 'Your workbook is locked' })).toBeVisible();
});

test('a lock stopped part-way by a full storage says so, keeps the part it sealed, and is finished by the next unlock', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page, '#/debrief');
  await writeSummary(page, SECRET);
  await page.goto('./#/backup');
  // The root is sealed first; then the debrief's part does not fit.
  await page.evaluate(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (/\.workbook\.debrief\.g\d+$/.test(key)) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  });
  const card = page.getByRole('region', { name: 'Lock this workbook on this device' });
  await card.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await card.getByLabel('The same passphrase again').fill(PASSPHRASE);
  await card.getByRole('button', { name: 'Lock my workbook' }).click();
  await expect(card.getByRole('status')).toContainText('The lock is on, but not all of the workbook could be sealed yet');
  await expect(card.getByRole('button', { name: 'Lock now' })).toBeVisible();
  await page.reload();
  await unlock(page);
  await page.goto('./#/debrief');
  await expect(page.getByLabel(SUMMARY)).toHaveValue(SECRET);
  await expectNowhere(page, [SECRET]);
});

test('a passphrase change stopped part-way by a full storage is finished by the next unlock, with the new passphrase only', async ({ page }) => {
  test.setTimeout(90_000);
  await open(page, '#/debrief');
  await writeSummary(page, SECRET);
  const card = await lockOn(page);
  const newPassphrase = 'another sentence only I would think of';
  // The root switches to the new passphrase first; then the debrief's part does not fit.
  await page.evaluate(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (/\.workbook\.debrief\.g\d+$/.test(key)) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  });
  await card.getByLabel('Current passphrase').fill(PASSPHRASE);
  await card.getByLabel('New passphrase', { exact: true }).fill(newPassphrase);
  await card.getByLabel('The new passphrase again').fill(newPassphrase);
  await card.getByRole('button', { name: 'Change the passphrase' }).click();
  await expect(card.getByRole('status')).toContainText('Your new passphrase opens the workbook from now on, but not all of it could be sealed with it yet');

  await page.reload();
  await unlock(page, PASSPHRASE);
  await expect(page.getByRole('status')).toContainText('does not open this workbook');
  await unlock(page, newPassphrase);
  await page.goto('./#/debrief');
  await expect(page.getByLabel(SUMMARY)).toHaveValue(SECRET);
  expect(JSON.parse((await everything(page))[WORKBOOK_KEY]).lock).toMatchObject({ state: 'locked' });
  expect(JSON.parse((await everything(page))[WORKBOOK_KEY]).lock.previous_key).toBeUndefined();
  await expectNowhere(page, [SECRET]);
});
