// Today: the first-run welcome, the next step, what is due, and the theme switch.
import { test, expect, open, goTo, snapshotKeys, WORKBOOK_KEY, NS } from './fixtures';

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

  await goTo(page, '#/next');
  await page.getByLabel('Add an action').fill('Call the benefits office');
  await page.getByLabel('Add an action').press('Enter');
  await page.getByLabel('Move “Call the benefits office” to').selectOption({ label: 'This week' });
  await page.goto('./#/debrief');
  await page.getByLabel('In a sentence or two, what happened?').fill('Laid off in March.');

  await page.goto('./');
  await expect(page.getByRole('region', { name: 'Due this week' }).getByRole('link', { name: 'Call the benefits office' })).toBeVisible();
  await expect(next.getByRole('link', { name: 'Continue the debrief' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: '4. Make your next move' })).toContainText('0 of 1 actions done.');
  await expect(page.getByRole('listitem').filter({ hasText: '1. Debrief with yourself' })).toContainText('0 of 9 parts written.');
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

/** Every key and value in this origin's localStorage. */
async function everything(page: import('@playwright/test').Page): Promise<Record<string, string>> {
  return page.evaluate(() => Object.fromEntries(Object.keys(window.localStorage).sort().map((key) => [key, window.localStorage.getItem(key)!])));
}

for (const before of ['nothing stored', 'a theme already chosen'] as const) {
  test(`the example data, loaded and removed, leaves storage exactly as it was (${before})`, async ({ page }) => {
    if (before === 'a theme already chosen') {
      await open(page, '#/backup');
      await page.getByRole('group', { name: 'Appearance' }).getByRole('radio', { name: 'Dark' }).check();
      await expect(page.getByRole('status').first()).toHaveText('Saved on this device');
    }
    await open(page);
    // Opening keeps today's snapshot of a stored workbook, once that part of
    // the app has been fetched: the storage compared is the one after it.
    if (before !== 'nothing stored') await expect.poll(() => snapshotKeys(page)).not.toHaveLength(0);
    const snapshot = await everything(page);
    // Nothing at all, or the workbook (and today's automatic snapshot of it).
    expect(Object.keys(snapshot).includes(WORKBOOK_KEY)).toBe(before !== 'nothing stored');

    const welcome = page.getByRole('region', { name: 'Welcome to Comeback' });
    await welcome.getByRole('button', { name: 'Try it with example data' }).click();
    const banner = page.getByRole('region', { name: 'Example data' });
    await expect(banner).toContainText('You are looking at example data.');
    await expect(welcome).toHaveCount(0);
    await expect(page.getByRole('listitem').filter({ hasText: '2. Share it' })).toContainText('25 people on your outreach list, 4 reached.');
    await expect(page.getByRole('listitem').filter({ hasText: '4. Make your next move' })).toContainText('Path chosen: A new job. 2 open opportunities');
    await expect(page.getByRole('region', { name: 'Due this week' })).toContainText('Follow up with Grace Chen');

    // The example is everywhere, and stays through a reload.
    await page.reload();
    await expect(banner).toBeVisible();
    await page.goto('./#/next');
    await expect(page.getByRole('region', { name: 'Opportunities' })).toContainText('Operations manager at Brightside Foods');
    await expect(page.getByRole('region', { name: 'Your answer to “What happened?”' }).getByLabel('What happened')).toHaveValue(/Crumb & Co\./);
    await page.goto('./#/share');
    await expect(page.getByRole('region', { name: 'Your outreach list' }).getByRole('listitem').first()).toContainText('Target job');
    expect(Object.keys(await everything(page))).toContain(`${NS}before-example`);

    // One action removes it, from any page, and storage is exactly as before.
    await banner.getByRole('button', { name: 'Remove the example data' }).click();
    await expect(banner).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Your outreach list' }).getByText(/No one here yet/)).toBeVisible();
    expect(await everything(page)).toEqual(snapshot);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Step 2: Share it');
    await expect(banner).toHaveCount(0);
    expect(await everything(page)).toEqual(snapshot);
  });
}

test('a follow-up created on the outreach page shows as due on Today', async ({ page }) => {
  await open(page, '#/share');
  const add = page.getByRole('region', { name: 'Add someone' });
  await add.getByLabel('Name').fill('Ines Duarte');
  await add.getByRole('button', { name: 'Add to my list' }).click();
  const ines = page.getByRole('group', { name: 'Details for Ines Duarte' });
  const d = new Date();
  d.setDate(d.getDate() - 20);
  const pad = (n: number) => String(n).padStart(2, '0');
  await ines.getByLabel('Date', { exact: true }).fill(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`);
  await ines.getByRole('button', { name: 'Log interaction' }).click();
  await expect(ines.getByText(/Follow-up due since/)).toBeVisible();
  await page.goto('./');
  const due = page.getByRole('region', { name: 'Due this week' });
  await expect(due.getByRole('link', { name: 'Follow up with Ines Duarte' })).toHaveAttribute('href', '#/share');
  await expect(page.getByRole('listitem').filter({ hasText: '2. Share it' })).toContainText('1 person on your outreach list, 1 reached. Your news is not posted yet.');
});
