// Install guidance: the "Install Comeback" button once the browser offers it
// (a dispatched `beforeinstallprompt`), the iPhone and iPad steps with
// Safari's seven-day rule (shown once on Today, always on the Backup page),
// and neither once Comeback runs installed (display-mode standalone).
import { test, expect, open, start } from './fixtures';

const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const IPAD = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';

/** Dispatches the event Chromium sends when the app may be installed; `window.prompted` counts prompts. */
async function offerInstall(page: import('@playwright/test').Page, outcome: 'accepted' | 'dismissed') {
  await page.evaluate((outcome) => {
    const event = new Event('beforeinstallprompt', { cancelable: true }) as Event & { prompt?: () => Promise<void>; userChoice?: Promise<{ outcome: string }> };
    const kept = window as unknown as { prompted: number };
    kept.prompted = 0;
    event.prompt = async () => { kept.prompted += 1; };
    event.userChoice = Promise.resolve({ outcome });
    window.dispatchEvent(event);
  }, outcome);
}

/** Makes the page believe it runs installed, in its own window. */
async function standalone(page: import('@playwright/test').Page) {
  await page.addInitScript(() => {
    const original = window.matchMedia.bind(window);
    window.matchMedia = (query: string) =>
      query.includes('display-mode: standalone') ? ({ matches: true, media: query } as MediaQueryList) : original(query);
  });
}

test('the install button appears when the browser offers it, and asks once installed to keep the data', async ({ page }) => {
  await open(page);
  await start(page);
  await expect(page.getByRole('button', { name: 'Install Comeback' })).toHaveCount(0);
  await offerInstall(page, 'accepted');
  await page.getByRole('button', { name: 'Install Comeback' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Comeback is installed.' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { prompted: number }).prompted)).toBe(1);
  // An offer is used once: the button goes with it.
  await page.evaluate(() => window.dispatchEvent(new Event('appinstalled')));
  await expect(page.getByRole('button', { name: 'Install Comeback' })).toHaveCount(0);
});

test('a dismissed install says so kindly', async ({ page }) => {
  await open(page, '#/backup');
  await offerInstall(page, 'dismissed');
  await page.getByRole('button', { name: 'Install Comeback' }).click();
  await expect(page.getByText('Not installed. You can install Comeback any time from here.')).toBeVisible();
});

test('no install button once Comeback runs installed', async ({ page }) => {
  await standalone(page);
  await open(page);
  await start(page);
  await offerInstall(page, 'accepted');
  await expect(page.getByRole('button', { name: 'Install Comeback' })).toHaveCount(0);
});

test.describe('on an iPhone', () => {
  test.use({ userAgent: IPHONE, viewport: { width: 390, height: 844 }, hasTouch: true });

  test('Safari shows the Home Screen steps once on Today, and always on the Backup page', async ({ page }) => {
    await open(page);
    const guidance = page.getByRole('region', { name: 'Keep your work on this iPhone or iPad' });
    // A first visit shows the welcome in its place: nothing is kept yet.
    await expect(page.getByRole('region', { name: 'Welcome to Comeback' })).toBeVisible();
    await expect(guidance).toHaveCount(0);
    await start(page);
    await expect(guidance).toContainText('after seven days without a visit');
    await expect(guidance).toContainText('Add to Home Screen');
    await expect(guidance).toContainText('make a backup here');
    await guidance.getByRole('button', { name: 'Got it' }).click();
    await expect(guidance).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole('region', { name: 'Momentum since the setback' })).toBeVisible();
    await expect(guidance).toHaveCount(0);
    // Remembered on this device only: the workbook knows nothing of it.
    expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.endsWith('install-guidance-seen')))).toHaveLength(1);
    await open(page, '#/backup');
    await expect(page.getByRole('region', { name: 'Keep your work on this iPhone or iPad' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Got it' })).toHaveCount(0);
  });

  test('the Home Screen app shows no Safari steps', async ({ page }) => {
    await standalone(page);
    await open(page);
    await start(page);
    await expect(page.getByRole('region', { name: 'Keep your work on this iPhone or iPad' })).toHaveCount(0);
    await open(page, '#/backup');
    await expect(page.getByRole('region', { name: 'Keep your work on this iPhone or iPad' })).toHaveCount(0);
  });
});

test.describe('on an iPad, which says it is a Mac', () => {
  test.use({ userAgent: IPAD, hasTouch: true });

  test('a Mac with a touch screen is taken for an iPad', async ({ page }) => {
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'maxTouchPoints', { get: () => 5 }));
    await open(page);
    await start(page);
    await expect(page.getByRole('region', { name: 'Keep your work on this iPhone or iPad' })).toBeVisible();
  });
});

test('a desktop browser shows no Safari steps', async ({ page }) => {
  await open(page, '#/backup');
  await expect(page.getByRole('region', { name: 'Make a backup' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Keep your work on this iPhone or iPad' })).toHaveCount(0);
});
