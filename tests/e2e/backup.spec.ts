// Backups: export the whole workbook, restore it with a preview, undo a
// restore (all of it, after a reload too), refuse files that are not backups, merge a backup
// from another device, lock a backup with a passphrase, restore a snapshot,
// and ask the browser to keep the data.
import { test, expect, open, goTo, reloadKeepingSnapshot, held, storedWorkbook, downloadedText, tempFile, backupText } from './fixtures';
import * as fs from 'node:fs';
import * as path from 'node:path';

test('export, change, restore with a preview, then undo byte for byte', async ({ page }) => {
  await open(page, '#/debrief');
  await page.getByLabel('In a sentence or two, what happened?').fill('Before the backup <b>bold?</b>');
  await page.getByRole('button', { name: 'Add an event' }).click();
  await expect(page.getByRole('button', { name: 'Add an event' })).not.toBeFocused();
  await page.keyboard.type('The first event');
  await expect(page.getByRole('status').first()).toHaveText('Saved on this device');

  // Export.
  await page.goto('./#/backup');
  const exportCard = page.getByRole('region', { name: 'Make a backup' });
  await expect(exportCard).toContainText('You have not made a backup yet.');
  const download = page.waitForEvent('download');
  await exportCard.getByRole('button', { name: 'Download a backup' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^comeback-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const text = await downloadedText(file);
  const backup = JSON.parse(text);
  expect(backup.format).toBe('comeback-backup');
  expect(backup.schema_version).toBe(8);
  expect(backup.counts.timeline_events).toBe(1);
  expect(backup.workbook.debrief.summary).toBe('Before the backup <b>bold?</b>');
  await expect(exportCard).toContainText('Your last backup:');

  // Change the data, then read it back as the app holds it.
  await goTo(page, '#/debrief');
  await page.getByLabel('In a sentence or two, what happened?').fill('Written after the backup');
  await page.getByRole('button', { name: 'Add an event' }).click();
  await expect(page.getByRole('button', { name: 'Add an event' })).not.toBeFocused();
  await page.keyboard.type('A second event');
  await expect(page.getByRole('status').first()).toHaveText('Saved on this device');
  const beforeRestore = await held(page);
  const storedBeforeRestore = await storedWorkbook(page);

  // Restore: the preview comes first and nothing changes until Replace.
  await page.goto('./#/backup');
  const restore = page.getByRole('region', { name: 'Restore from a backup' });
  await restore.getByLabel('Choose a backup file').setInputFiles(tempFile('backup.json', text));
  const preview = restore.getByRole('region', { name: 'What is in this backup' });
  await expect(preview).toContainText('Backup made on');
  await expect(preview.getByRole('row', { name: /Timeline events/ })).toHaveText(/Timeline events\s*1\s*2/);
  expect(await storedWorkbook(page)).toEqual(storedBeforeRestore);
  await preview.getByRole('button', { name: 'Replace my data with this backup' }).click();
  await expect(restore.getByText('Your data was replaced by the backup.')).toBeVisible();
  await page.goto('./#/debrief');
  await expect(page.getByLabel('In a sentence or two, what happened?')).toHaveValue('Before the backup <b>bold?</b>');

  // Undo, even after a reload, brings back all of it, and it stays after another reload.
  await page.goto('./#/backup');
  await page.reload();
  await restore.getByRole('button', { name: 'Undo the last restore' }).click();
  await expect(restore.getByText('your data is back as it was')).toBeVisible();
  await page.goto('./#/debrief');
  await expect(page.getByLabel('In a sentence or two, what happened?')).toHaveValue('Written after the backup');
  await page.reload();
  expect(await held(page)).toEqual(beforeRestore);
});

test('files that are not backups are refused and change nothing', async ({ page }) => {
  await open(page, '#/debrief');
  await page.getByLabel('In a sentence or two, what happened?').fill('Keep me');
  await expect(page.getByRole('status').first()).toHaveText('Saved on this device');
  const before = await storedWorkbook(page);
  await page.goto('./#/backup');
  const restore = page.getByRole('region', { name: 'Restore from a backup' });
  const input = restore.getByLabel('Choose a backup file');
  const cases: [string, string | Buffer, RegExp][] = [
    ['photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /not valid JSON/],
    ['list.json', '[1, 2, 3]', /not a Comeback backup/],
    ['other-app.json', '{"tasks": [{"title": "x"}]}', /not a Comeback backup/],
    ['deep.json', '['.repeat(100_000), /not valid JSON/],
    ['future.json', '{"format":"comeback-backup","schema_version":99,"app_version":"9","exported_at":"2030-01-01T00:00:00Z","workbook":{"schema_version":99}}', /newer version/],
  ];
  for (const [name, content, message] of cases) {
    await input.setInputFiles(tempFile(name, content));
    await expect(restore.getByRole('alert')).toContainText(message);
    await expect(restore.getByRole('region', { name: 'What is in this backup' })).toHaveCount(0);
  }
  // Over the size limit: refused before it is read.
  await input.setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(11 * 1024 * 1024, 32) });
  await expect(restore.getByRole('alert')).toContainText('limit is 10 MB');
  expect(await storedWorkbook(page)).toEqual(before);
});

const SAM = '00000000-0000-4000-8000-000000000001';
const ALEX = '00000000-0000-4000-8000-000000000002';
const ROBIN = '00000000-0000-4000-8000-000000000003';

function contact(id: string, name: string, updated_at: string, more: object = {}) {
  return { id, updated_at, name, ...more };
}

test('merge a backup from another device: newer edits win, a deletion stays, undo puts it back', async ({ page }) => {
  await open(page, '#/backup');
  const restore = page.getByRole('region', { name: 'Restore from a backup' });
  const input = restore.getByLabel('Choose a backup file');
  const preview = restore.getByRole('region', { name: 'What is in this backup' });
  const day1 = '2026-01-01T10:00:00Z';
  const laptop = backupText({ outreach: { updated_at: day1, contacts: [contact(SAM, 'Sam', day1), contact(ALEX, 'Alex', day1, { role: 'Designer' })] } });
  await input.setInputFiles(tempFile('laptop.json', laptop));
  await preview.getByRole('button', { name: 'Replace my data with this backup' }).click();

  // On this device, Sam is removed after that.
  await page.goto('./#/share');
  const outreach = page.getByRole('region', { name: 'Your outreach list' });
  await outreach.getByRole('button', { name: 'Sam', exact: true }).click();
  await page.getByRole('button', { name: 'Remove Sam from my list' }).click();
  await expect(page.getByRole('status').first()).toHaveText('Saved on this device');
  const beforeMerge = await held(page);
  const storedBeforeMerge = await storedWorkbook(page);

  // The phone's older backup still has Sam, has Alex edited later, and adds Robin.
  const day2 = '2026-01-02T09:00:00Z';
  const phone = backupText({
    outreach: { updated_at: day2, contacts: [contact(SAM, 'Sam', day1), contact(ALEX, 'Alex', day2, { role: 'CTO' }), contact(ROBIN, 'Robin', day2)] },
  });
  await page.goto('./#/backup');
  await input.setInputFiles(tempFile('phone.json', phone));
  const changes = preview.getByRole('table', { name: 'What merging would change here' });
  await expect(changes.getByRole('row', { name: /^Contacts/ })).toHaveText(/Contacts\s*1\s*1\s*0/);
  expect(await storedWorkbook(page)).toEqual(storedBeforeMerge);
  await preview.getByRole('button', { name: 'Merge with my data' }).click();
  await expect(restore.getByText('The backup was merged with your data.')).toBeVisible();
  const merged = await held(page);
  expect(merged.outreach.contacts.map((c: { name: string; role: string }) => `${c.name}:${c.role}`)).toEqual(['Alex:CTO', 'Robin:']);
  await page.goto('./#/share');
  await expect(outreach.getByRole('button', { name: 'Sam', exact: true })).toHaveCount(0);
  await expect(outreach.getByRole('button', { name: 'Robin', exact: true })).toBeVisible();

  // Merging the same file again changes nothing; Undo brings back the data before the merge.
  await page.goto('./#/backup');
  await input.setInputFiles(tempFile('phone.json', phone));
  await expect(preview).toContainText('Merging would change nothing here');
  await preview.getByRole('button', { name: 'Cancel' }).click();
  await restore.getByRole('button', { name: 'Undo the last restore' }).click();
  await expect(restore.getByText('your data is back as it was')).toBeVisible();
  expect(await held(page)).toEqual(beforeMerge);
});

test('a backup locked with a passphrase opens with that passphrase only', async ({ page }) => {
  const summaryText = 'Locked by the app for the native test';
  await open(page, '#/debrief');
  await page.getByLabel('In a sentence or two, what happened?').fill(summaryText);
  await expect(page.getByRole('status').first()).toHaveText('Saved on this device');

  await page.goto('./#/backup');
  const exportCard = page.getByRole('region', { name: 'Make a backup' });
  await exportCard.getByRole('checkbox', { name: 'Lock it with a passphrase' }).check();
  await exportCard.getByLabel('Passphrase', { exact: true }).fill('correct horse battery staple');
  await exportCard.getByLabel('The same passphrase again').fill('correct horse battery stapel');
  await exportCard.getByRole('button', { name: 'Download a backup' }).click();
  await expect(exportCard.getByRole('status')).toContainText('not the same');
  await exportCard.getByLabel('The same passphrase again').fill('correct horse battery staple');
  const download = page.waitForEvent('download');
  await exportCard.getByRole('button', { name: 'Download a backup' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^comeback-backup-\d{4}-\d{2}-\d{2}-locked\.json$/);
  const text = await downloadedText(file);
  const envelope = JSON.parse(text);
  expect(Object.keys(envelope).sort()).toEqual(['cipher', 'ciphertext', 'format', 'iterations', 'iv', 'kdf', 'salt', 'version']);
  expect(envelope).toMatchObject({ format: 'comeback-encrypted-backup', version: 1, kdf: 'PBKDF2-SHA-256', cipher: 'AES-256-GCM' });
  expect(envelope.iterations).toBeGreaterThanOrEqual(600_000);
  expect(text).not.toContain('Locked by the app');
  // COMEBACK_WRITE_FIXTURES=1 refreshes the file the native test decrypts.
  if (process.env.COMEBACK_WRITE_FIXTURES) fs.writeFileSync(path.join(__dirname, '..', 'fixtures', 'backup-encrypted.json'), text);

  await page.goto('./#/debrief');
  await page.getByLabel('In a sentence or two, what happened?').fill('Changed after the backup');
  await expect(page.getByRole('status').first()).toHaveText('Saved on this device');
  const before = await storedWorkbook(page);
  await page.goto('./#/backup');
  const restore = page.getByRole('region', { name: 'Restore from a backup' });
  await restore.getByLabel('Choose a backup file').setInputFiles(tempFile('locked.json', text));
  const unlock = restore.getByRole('form', { name: 'Unlock this backup' });
  await unlock.getByLabel('Passphrase of this backup').fill('Correct horse battery staple');
  await unlock.getByRole('button', { name: 'Unlock' }).click();
  await expect(restore.getByRole('alert')).toContainText('that passphrase does not open this backup');
  await expect(restore.getByRole('region', { name: 'What is in this backup' })).toHaveCount(0);
  expect(await storedWorkbook(page)).toEqual(before);
  await unlock.getByLabel('Passphrase of this backup').fill('correct horse battery staple');
  await unlock.getByRole('button', { name: 'Unlock' }).click();
  const preview = restore.getByRole('region', { name: 'What is in this backup' });
  await preview.getByRole('button', { name: 'Replace my data with this backup' }).click();
  await page.goto('./#/debrief');
  await expect(page.getByLabel('In a sentence or two, what happened?')).toHaveValue(summaryText);
});

test('a daily snapshot is listed with its date and restored in one click, with undo', async ({ page }) => {
  await open(page, '#/debrief');
  await page.getByLabel('In a sentence or two, what happened?').fill('As it was this morning');
  await expect(page.getByRole('status').first()).toHaveText('Saved on this device');
  const snapshots = await reloadKeepingSnapshot(page);
  expect(snapshots).toHaveLength(1);

  await page.getByLabel('In a sentence or two, what happened?').fill('Rewritten in the afternoon');
  await expect(page.getByRole('status').first()).toHaveText('Saved on this device');
  const afternoon = await held(page);
  await page.goto('./#/backup');
  const list = page.getByRole('list', { name: 'Automatic snapshots' });
  await list.getByRole('button', { name: /^Restore the snapshot of \d+ \w+ \d{4}$/ }).click();
  const restore = page.getByRole('region', { name: 'Restore from a backup' });
  await expect(restore.getByRole('status')).toContainText('restored from the snapshot of');
  await page.goto('./#/debrief');
  await expect(page.getByLabel('In a sentence or two, what happened?')).toHaveValue('As it was this morning');
  await page.goto('./#/backup');
  await restore.getByRole('button', { name: 'Undo the last restore' }).click();
  await expect(restore.getByText('your data is back as it was')).toBeVisible();
  expect(await held(page)).toEqual(afternoon);
});

test('the browser can be asked to keep the data, and its answer is shown', async ({ page }) => {
  await open(page, '#/backup');
  const card = page.getByRole('region', { name: 'Ask the browser to keep your data' });
  await expect(card.getByRole('status')).toHaveText(/^(Granted|Not granted): /);
  await expect(card).toContainText('a backup file kept somewhere else is the real safety net');
  const ask = card.getByRole('button', { name: 'Ask the browser', exact: true });
  if (await ask.isVisible()) {
    await ask.click();
    await expect(card.getByRole('status')).toHaveText(/^(Granted|Not granted): /);
  }
});

/** Replaces the Web Share API with a stub that keeps what it was handed (`window.sharedFile`). */
async function stubShare(page: import('@playwright/test').Page, outcome: 'sent' | 'cancelled' = 'sent') {
  await page.addInitScript((outcome) => {
    const kept = window as unknown as { sharedFile?: { name: string; type: string; text: string; title?: string } };
    Object.defineProperty(Navigator.prototype, 'canShare', {
      configurable: true,
      value: (data: ShareData) => Array.isArray(data.files) && data.files.every((file) => file.type === 'text/plain'),
    });
    Object.defineProperty(Navigator.prototype, 'share', {
      configurable: true,
      value: async (data: ShareData) => {
        if (outcome === 'cancelled') throw new DOMException('Share canceled', 'AbortError');
        const file = data.files![0];
        kept.sharedFile = { name: file.name, type: file.type, text: await file.text(), title: data.title };
      },
    });
  }, outcome);
}

function sharedFile(page: import('@playwright/test').Page) {
  return page.evaluate(() => (window as unknown as { sharedFile?: { name: string; type: string; text: string } }).sharedFile);
}

test('send a backup to myself: a plain-text file to the share sheet, which restore reads back', async ({ page }) => {
  await stubShare(page);
  await open(page, '#/debrief');
  await page.getByLabel('In a sentence or two, what happened?').fill('Sent to myself');
  await expect(page.getByRole('status').first()).toHaveText('Saved on this device');
  await page.goto('./#/backup');
  const card = page.getByRole('region', { name: 'Send a backup to myself' });
  await card.getByRole('button', { name: 'Send a backup to myself' }).click();
  await expect(card.getByRole('status')).toContainText('Your backup is on its way');
  const shared = await sharedFile(page);
  expect(shared!.name).toMatch(/^comeback-backup-\d{4}-\d{2}-\d{2}\.txt$/);
  expect(shared!.type).toBe('text/plain');
  expect(JSON.parse(shared!.text).workbook.debrief.summary).toBe('Sent to myself');
  await expect(page.getByRole('region', { name: 'Make a backup' })).toContainText('Your last backup:');

  // Restore takes the shared .txt file back.
  await page.goto('./#/debrief');
  await page.getByLabel('In a sentence or two, what happened?').fill('Changed since');
  await page.goto('./#/backup');
  const restore = page.getByRole('region', { name: 'Restore from a backup' });
  await restore.getByLabel('Choose a backup file').setInputFiles(tempFile(shared!.name, shared!.text));
  await restore.getByRole('region', { name: 'What is in this backup' }).getByRole('button', { name: 'Replace my data with this backup' }).click();
  await page.goto('./#/debrief');
  await expect(page.getByLabel('In a sentence or two, what happened?')).toHaveValue('Sent to myself');
});

test('a locked backup is prepared with one tap and sent with a second', async ({ page }) => {
  await stubShare(page);
  await open(page, '#/backup');
  const card = page.getByRole('region', { name: 'Send a backup to myself' });
  await card.getByRole('checkbox', { name: 'Lock it with a passphrase' }).check();
  await card.getByLabel('Passphrase', { exact: true }).fill('a long sentence only I know');
  await card.getByLabel('The same passphrase again').fill('a long sentence only I know');
  await expect(card.getByRole('button', { name: 'Send the locked backup' })).toHaveCount(0);
  await card.getByRole('button', { name: 'Prepare a locked backup' }).click();
  const send = card.getByRole('button', { name: 'Send the locked backup' });
  await expect(send).toBeFocused({ timeout: 20_000 });
  expect(await sharedFile(page)).toBeUndefined();
  await page.keyboard.press('Enter');
  await expect(card.getByRole('status')).toContainText('Your backup is on its way');
  const shared = await sharedFile(page);
  expect(shared!.name).toMatch(/-locked\.txt$/);
  expect(JSON.parse(shared!.text).format).toBe('comeback-encrypted-backup');
  // A new passphrase drops the prepared file: it is prepared again.
  await card.getByLabel('Passphrase', { exact: true }).fill('another sentence');
  await expect(send).toHaveCount(0);
});

test('closing the share sheet sends nothing and says so', async ({ page }) => {
  await stubShare(page, 'cancelled');
  await open(page, '#/backup');
  const card = page.getByRole('region', { name: 'Send a backup to myself' });
  await card.getByRole('button', { name: 'Send a backup to myself' }).click();
  await expect(card.getByRole('status')).toContainText('Nothing was sent');
  await expect(page.getByRole('region', { name: 'Make a backup' })).toContainText('You have not made a backup yet.');
});

test('without file sharing, the backup is downloaded instead', async ({ page }) => {
  await page.addInitScript(() => {
    delete (Navigator.prototype as unknown as Record<string, unknown>).canShare;
    delete (Navigator.prototype as unknown as Record<string, unknown>).share;
  });
  await open(page, '#/review');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Send a backup to myself' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^comeback-backup-\d{4}-\d{2}-\d{2}\.txt$/);
  expect(JSON.parse(await downloadedText(file)).format).toBe('comeback-backup');
  await expect(page.getByText('was downloaded instead')).toBeVisible();
});
