// Today: the first-run welcome, the next step, what is due, and the theme switch.
import { test, expect, open } from './fixtures';

test('a fresh profile is welcomed once, and the choice carries into the debrief', async ({ page }) => {
  await open(page);
  const welcome = page.getByRole('region', { name: 'Welcome to Comeback' });
  await expect(welcome).toContainText('Everything stays on this device.');
  await welcome.getByRole('radio', { name: 'A project I launched was turned down' }).check();
  await expect(welcome).toBeVisible();
  await welcome.getByRole('button', { name: 'Start' }).click();
  await expect(welcome).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Today');
  await expect(page.getByRole('region', { name: 'Welcome to Comeback' })).toHaveCount(0);
  await page.goto('./#/debrief');
  await expect(page.getByRole('radio', { name: 'A project I launched was turned down' })).toBeChecked();
});

test('Today suggests the next step and lists what is due this week', async ({ page }) => {
  await open(page);
  const next = page.getByRole('region', { name: 'A good next step' });
  await expect(next.getByRole('link', { name: 'Open the first steps' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Due this week' })).toContainText('Nothing is due this week.');

  await page.goto('./#/next');
  await page.getByLabel('Add an action').fill('Call the benefits office');
  await page.getByLabel('Add an action').press('Enter');
  await page.getByLabel('Move “Call the benefits office” to').selectOption({ label: 'This week' });
  await page.goto('./#/debrief');
  await page.getByLabel('In a sentence or two, what happened?').fill('Laid off in March.');

  await page.goto('./');
  await expect(page.getByRole('region', { name: 'Due this week' }).getByRole('link', { name: 'Call the benefits office' })).toBeVisible();
  await expect(next.getByRole('link', { name: 'Continue the debrief' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: '4. Make your next move' })).toContainText('0 of 1 actions done.');
  await expect(page.getByRole('listitem').filter({ hasText: '1. Debrief with yourself' })).toContainText('0 of 7 parts written.');
});

test('the theme switch overrides the system and survives a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await open(page, '#/backup');
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(await background()).toBe('rgb(247, 245, 240)');
  await page.getByRole('group', { name: 'Appearance' }).getByRole('radio', { name: 'Dark' }).check();
  await expect.poll(background).toBe('rgb(20, 24, 22)');
  await expect(page.getByRole('status').first()).toHaveText('Saved on this device');
  await page.reload();
  await expect(page.getByRole('group', { name: 'Appearance' }).getByRole('radio', { name: 'Dark' })).toBeChecked();
  await expect.poll(background).toBe('rgb(20, 24, 22)');
  await page.getByRole('group', { name: 'Appearance' }).getByRole('radio', { name: 'Same as this device' }).check();
  await expect.poll(background).toBe('rgb(247, 245, 240)');
});
