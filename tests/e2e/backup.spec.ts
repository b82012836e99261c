// Backups: export the whole workbook, restore it with a preview, undo a
// restore byte for byte, and refuse files that are not backups.
import { test, expect, open, stored, downloadedText } from './fixtures';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

function tempFile(name: string, content: string | Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comeback-backup-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

test('export, change, restore with a preview, then undo byte for byte', async ({ page }) => {
  await open(page, '#/debrief');
  await page.getByLabel('In a sentence or two, what happened?').fill('Before the backup <b>bold?</b>');
  await page.getByRole('button', { name: 'Add an event' }).click();
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
  expect(backup.schema_version).toBe(3);
  expect(backup.counts.timeline_events).toBe(1);
  expect(backup.workbook.debrief.summary).toBe('Before the backup <b>bold?</b>');
  await expect(exportCard).toContainText('Your last backup:');

  // Change the data, then keep its exact stored text.
  await page.goto('./#/debrief');
  await page.getByLabel('In a sentence or two, what happened?').fill('Written after the backup');
  await page.getByRole('button', { name: 'Add an event' }).click();
  await page.keyboard.type('A second event');
  await expect(page.getByRole('status').first()).toHaveText('Saved on this device');
  const beforeRestore = await stored(page);

  // Restore: the preview comes first and nothing changes until Replace.
  await page.goto('./#/backup');
  const restore = page.getByRole('region', { name: 'Restore from a backup' });
  await restore.getByLabel('Choose a backup file').setInputFiles(tempFile('backup.json', text));
  const preview = restore.getByRole('region', { name: 'What is in this backup' });
  await expect(preview).toContainText('Backup made on');
  await expect(preview.getByRole('row', { name: /Timeline events/ })).toHaveText(/Timeline events\s*1\s*2/);
  expect(await stored(page)).toBe(beforeRestore);
  await preview.getByRole('button', { name: 'Replace my data with this backup' }).click();
  await expect(restore.getByText('Your data was replaced by the backup.')).toBeVisible();
  await page.goto('./#/debrief');
  await expect(page.getByLabel('In a sentence or two, what happened?')).toHaveValue('Before the backup <b>bold?</b>');

  // Undo, even after a reload, brings back the stored text exactly.
  await page.goto('./#/backup');
  await page.reload();
  await restore.getByRole('button', { name: 'Undo the last restore' }).click();
  await expect(restore.getByText('your data is back as it was')).toBeVisible();
  expect(await stored(page)).toBe(beforeRestore);
  await page.goto('./#/debrief');
  await expect(page.getByLabel('In a sentence or two, what happened?')).toHaveValue('Written after the backup');
  await page.reload();
  expect(await stored(page)).toBe(beforeRestore);
});

test('files that are not backups are refused and change nothing', async ({ page }) => {
  await open(page, '#/debrief');
  await page.getByLabel('In a sentence or two, what happened?').fill('Keep me');
  await expect(page.getByRole('status').first()).toHaveText('Saved on this device');
  const before = await stored(page);
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
  expect(await stored(page)).toBe(before);
});
