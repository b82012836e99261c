// Accessibility: axe-core's WCAG 2.0/2.1/2.2 A and AA rules on every page,
// in the light and the dark theme, empty and with content in it; and with a
// generated large data set (5,000 contacts, 2,000 time-log entries, 50
// timeline events; see `forAxe`) in the light theme.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, open, goTo, loadExample, routes, WORKBOOK_KEY } from './fixtures';
import { generateWorkbookText, LARGE } from './data/generate';

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

    test('the lock form, the locked workbook\'s settings and the unlock page have no WCAG A/AA violations', async ({ page }) => {
      test.setTimeout(120_000);
      await open(page, '#/backup');
      const card = page.getByRole('region', { name: 'Lock this workbook on this device' });
      await card.getByLabel('Passphrase', { exact: true }).fill('a sentence only I would think of');
      await card.getByLabel('The same passphrase again').fill('a sentence only I would think of');
      expect(await violations(page)).toEqual([]);
      await card.getByRole('button', { name: 'Lock my workbook' }).click();
      await expect(card.getByRole('button', { name: 'Lock now' })).toBeVisible({ timeout: 15_000 });
      expect(await violations(page)).toEqual([]);
      await page.reload();
      await expect(page.getByRole('heading', { name: 'Your workbook is locked' })).toBeVisible();
      await page.getByLabel('Passphrase').fill('not it');
      await page.getByRole('button', { name: 'Unlock' }).click();
      await expect(page.getByRole('status')).toContainText('does not open this workbook');
      expect(await violations(page)).toEqual([]);
    });

    test('pages with content in them have no WCAG A/AA violations', async ({ page }) => {
      // Three pages filled in and checked: more than the default on a busy machine.
      test.setTimeout(120_000);
      await open(page, '#/debrief');
      await page.getByRole('radio', { name: 'I was fired or laid off' }).check();
      await page.getByLabel('In a sentence or two, what happened?').fill('Laid off in the March round.');
      await page.getByRole('button', { name: 'Add an event' }).click();
      await expect(page.getByRole('button', { name: 'Add an event' })).not.toBeFocused();
      await page.keyboard.type('The reorganisation was announced');
      await page.getByLabel('A lesson').fill('Ask for feedback early');
      await page.getByLabel('A lesson').press('Enter');
      await page.getByRole('radio', { name: 'Key lesson' }).check();
      await page.getByRole('button', { name: 'Mark the debrief done' }).click();
      expect(await violations(page)).toEqual([]);

      await goTo(page, '#/first-steps');
      await page.getByRole('checkbox').first().check();
      await page.getByLabel('Savings and other cash').fill('5000');
      await page.getByRole('button', { name: 'Add a line: essential monthly costs' }).click();
      await expect(page.getByRole('button', { name: 'Add a line: essential monthly costs' })).not.toBeFocused();
      await page.keyboard.type('Rent');
      expect(await violations(page)).toEqual([]);

      await goTo(page, '#/next');
      await page.getByLabel('Add an action').fill('Call the benefits office');
      await page.getByLabel('Add an action').press('Enter');
      expect(await violations(page)).toEqual([]);
    });

    test('every page with the example data has no WCAG A/AA violations', async ({ page }) => {
      // Nine pages full of data, each checked by axe: more than the default on a busy machine.
      test.setTimeout(120_000);
      await loadExample(page);
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

    test('the weekly review, the momentum table and the install guidance have no WCAG A/AA violations', async ({ page }) => {
      await page.addInitScript(() => {
        // An iPad (a Mac with a touch screen) in Safari: the Home Screen steps show.
        Object.defineProperty(Navigator.prototype, 'userAgent', { get: () => 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15' });
        Object.defineProperty(Navigator.prototype, 'maxTouchPoints', { get: () => 5 });
      });
      await loadExample(page);
      await open(page, '#/review');
      await page.getByLabel('What moved this week?').fill('Two calls.');
      await page.getByRole('radio', { name: '4, good' }).check();
      await page.getByLabel('A priority for next week').fill('Call Ana');
      await page.getByLabel('A priority for next week').press('Enter');
      await page.getByRole('checkbox', { name: 'Lock it with a passphrase' }).check();
      expect(await violations(page), '#/review').toEqual([]);

      await open(page);
      await page.evaluate(() => {
        const event = new Event('beforeinstallprompt', { cancelable: true });
        window.dispatchEvent(event);
      });
      await expect(page.getByRole('button', { name: 'Install Comeback' })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Keep your work on this iPhone or iPad' })).toBeVisible();
      await page.getByText('Show the weeks as a table').click();
      await expect(page.getByRole('region', { name: 'Momentum since the setback' }).getByRole('table')).toBeVisible();
      expect(await violations(page), 'Today').toEqual([]);
    });
  });
}

// The debrief part by part on a phone: every screen of the guided sequence,
// empty and with the example data, in both themes; its end (what is missing,
// or the way on to Step 2); and the focused session asking before it is left.
for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme, the debrief part by part`, () => {
    test.use({ colorScheme, viewport: { width: 390, height: 844 } });

    for (const data of ['empty', 'example'] as const) {
      test(`every part of the sequence, ${data}, has no WCAG A/AA violations`, async ({ page }) => {
        test.setTimeout(120_000);
        if (data === 'example') await loadExample(page);
        await open(page, '#/debrief/guide/what-happened');
        const where = page.locator('#sequence-where');
        const seen: string[] = [];
        for (;;) {
          const screen = `${await where.textContent()} (${page.url().split('#')[1]})`;
          seen.push(screen);
          expect(await violations(page), screen).toEqual([]);
          const next = page.getByRole('button', { name: 'Next', exact: true });
          if ((await next.count()) === 0) break;
          const before = page.url();
          await next.click();
          await expect(page).not.toHaveURL(before);
        }
        expect(seen.length).toBeGreaterThan(9);
        await expect(where).toHaveText('Part 9 of 9: Closure');
        if (data === 'empty') {
          await page.getByRole('button', { name: 'Finish the debrief' }).click();
          await expect(page.locator('#sequence-missing')).toBeVisible();
        } else {
          await expect(page.getByRole('link', { name: 'Go on to Step 2: Share it' })).toBeVisible();
        }
        expect(await violations(page), 'the end of the sequence').toEqual([]);
      });
    }

    test('the focused session asking before it is left has no WCAG A/AA violations', async ({ page }) => {
      await open(page, '#/debrief/session/timeline');
      await page.getByRole('button', { name: 'Leave the session (Esc)' }).click();
      await expect(page.getByRole('alertdialog', { name: 'Leave the session?' })).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });
  });
}

// The large data set is generated once and stored before the app boots.
// For axe, the timeline is cut to 50 events: the Debrief page renders every
// event (six controls each) and axe over 300 of them takes close to a minute
// per page on two cores; contacts and time-log entries stay at full size.
const large = generateWorkbookText(LARGE);
const forAxe = generateWorkbookText({ ...LARGE, timelineEvents: 50 });

async function openWithLargeData(page: import('@playwright/test').Page, hash: string, text = large) {
  await page.goto('./manifest.webmanifest');
  await page.evaluate(([key, text]) => window.localStorage.setItem(key, text), [WORKBOOK_KEY, text]);
  await open(page, hash);
}

// In one theme: a theme changes colours only, and every component the large
// data shows is checked in both themes above; the size changes the structure
// only (counts, paging, long names), which is the same in either theme.
test.describe('large generated data', () => {
  for (const hash of routes) {
    test(`page "${hash || '/'}" has no WCAG A/AA violations with 5,000 contacts, 2,000 hours logged and 50 events`, async ({ page }) => {
      test.setTimeout(120_000);
      await openWithLargeData(page, hash, forAxe);
      expect(await violations(page)).toEqual([]);
    });
  }
});

// Guards the generator: the app reads its workbook as is (no "unreadable
// data" notice) and shows every generated record.
test('the generated large workbook loads as the app stores it', async ({ page }) => {
  await openWithLargeData(page, '#/share');
  await expect(page.getByRole('region', { name: 'Your outreach list' }).getByText(`${LARGE.contacts} people.`)).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.goto('./#/debrief');
  const timeline = page.getByRole('region', { name: 'The timeline' });
  // A long timeline is shown twenty events at a time.
  const events = timeline.getByRole('listitem');
  await expect(events).toHaveCount(20);
  await timeline.getByRole('button', { name: `Show more events (${LARGE.timelineEvents - 20} not shown yet)` }).click();
  await expect(events).toHaveCount(40);
  await expect(events.last().getByRole('button', { name: 'Edit event 40' })).toBeVisible();
});

// Long lists render a page at a time (opening a page stays quick on a slow
// phone); the rest is one press away, a page per press.
test('long lists open a page at a time, and show more on request', async ({ page }) => {
  test.setTimeout(120_000);
  const hiddenCount = async (button: import('@playwright/test').Locator) => Number((await button.textContent())?.match(/\((\d+) not shown yet\)/)?.[1]);
  async function pages(list: import('@playwright/test').Locator, rows: import('@playwright/test').Locator, label: string, size: number, extraRows = 0) {
    await expect(rows).toHaveCount(size + extraRows);
    const more = list.getByRole('button', { name: new RegExp(`^${label} \\(\\d+ not shown yet\\)$`) });
    const hidden = await hiddenCount(more);
    expect(hidden).toBeGreaterThan(size);
    await more.click();
    await expect(rows).toHaveCount(2 * size + extraRows);
    await expect(more).toHaveText(`${label} (${hidden - size} not shown yet)`);
  }

  await openWithLargeData(page, '');
  const due = page.getByRole('region', { name: 'Due this week' });
  await pages(due, due.getByRole('listitem'), 'Show more', 10);

  await page.goto('./#/share');
  const followUps = page.getByRole('region', { name: 'Follow up today and this week' });
  await pages(followUps, followUps.getByRole('list', { name: 'Follow up today' }).getByRole('listitem'), 'Show more for today', 20);

  await page.goto('./#/next');
  const report = page.getByRole('region', { name: 'Activity report' });
  await report.getByRole('button', { name: 'The last 30 days' }).click();
  await pages(report, report.getByRole('row'), 'Show more activities', 50, 1);
});

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
