// Accessibility: axe-core's WCAG 2.0/2.1/2.2 A and AA rules on every page,
// in the light and the dark theme, empty and with content in it.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, open } from './fixtures';

const routes = ['', '#/first-steps', '#/debrief', '#/debrief/session', '#/share', '#/mojo', '#/next', '#/backup', '#/nowhere'];

async function violations(page: import('@playwright/test').Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    nodes: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
  }));
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    for (const hash of routes) {
      test(`page "${hash || '/'}" has no WCAG A/AA violations`, async ({ page }) => {
        await open(page, hash);
        expect(await violations(page)).toEqual([]);
      });
    }

    test('pages with content in them have no WCAG A/AA violations', async ({ page }) => {
      await open(page, '#/debrief');
      await page.getByRole('radio', { name: 'I was fired or laid off' }).check();
      await page.getByLabel('In a sentence or two, what happened?').fill('Laid off in the March round.');
      await page.getByRole('button', { name: 'Add an event' }).click();
      await page.keyboard.type('The reorganisation was announced');
      await page.getByLabel('A lesson').fill('Ask for feedback early');
      await page.getByLabel('A lesson').press('Enter');
      await page.getByRole('radio', { name: 'Key lesson' }).check();
      await page.getByRole('button', { name: 'Mark the debrief done' }).click();
      expect(await violations(page)).toEqual([]);

      await page.goto('./#/first-steps');
      await page.getByRole('checkbox').first().check();
      await page.getByLabel('Savings and other cash').fill('5000');
      await page.getByRole('button', { name: 'Add a line: essential monthly costs' }).click();
      await page.keyboard.type('Rent');
      expect(await violations(page)).toEqual([]);

      await page.goto('./#/next');
      await page.getByLabel('Add an action').fill('Call the benefits office');
      await page.getByLabel('Add an action').press('Enter');
      expect(await violations(page)).toEqual([]);
    });

    test('every page with the example data has no WCAG A/AA violations', async ({ page }) => {
      // Nine pages full of data, each checked by axe: more than the default 30 s on a busy machine.
      test.setTimeout(120_000);
      await open(page);
      await page.getByRole('button', { name: 'Try it with example data' }).click();
      await expect(page.getByRole('region', { name: 'Example data' })).toBeVisible();
      for (const hash of routes) {
        await page.goto(`./${hash}`);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        if (hash === '#/next') {
          await page.getByRole('button', { name: 'Details of “Operations manager at Brightside Foods”' }).click();
          await page.getByRole('button', { name: 'Start the timer' }).click();
        }
        expect(await violations(page), hash || '/').toEqual([]);
      }
    });
  });
}

// Guards the check itself: an image without a text alternative is caught.
test('the checker does report a real violation', async ({ page }) => {
  await open(page);
  await page.evaluate(() => {
    const image = document.createElement('img');
    image.src = 'icons/icon-192.png';
    document.querySelector('main')?.append(image);
  });
  expect((await violations(page)).map((violation) => violation.rule)).toContain('image-alt');
});
