// The weekly review and the momentum since the setback: a review filled by
// keyboard on a phone, its priorities dated actions in the plan (linked: an
// edit shows there), everything kept over a reload; the review offered on
// Today on the first day of the week; the chart and its table agreeing with
// the data, rest shown as rest, each week linking to its review.
import { test, expect, open, press, start, storeBeforeLoad, type } from './fixtures';

/** A local date, `offsetDays` from `from`, as a date field holds it (YYYY-MM-DD). */
function isoDay(from: Date, offsetDays = 0): string {
  const d = new Date(from);
  d.setDate(d.getDate() + offsetDays);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** This week's Monday (weeks start on Monday unless the person changes it). */
function thisMonday(): Date {
  const today = new Date();
  today.setHours(12, 0, 0, 0);
  today.setDate(today.getDate() - ((today.getDay() + 6) % 7));
  return today;
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('a review filled by keyboard puts its priorities in the plan, linked, and a reload keeps all', async ({ page }) => {
    await open(page, '#/review');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Weekly review');

    await type(page.getByLabel('What moved this week?'), 'Two calls and an hour on the portfolio.');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Waiting for replies.');
    await type(page.getByLabel('What is the one thing for next week?'), 'Send the case study to Ana.');
    await press(page.getByRole('radio', { name: '3, steady' }), 'Space');
    await expect(page.getByRole('radio', { name: '3, steady' })).toBeChecked();

    const priority = page.getByLabel('A priority for next week');
    await type(priority, 'Call Ana about the analyst role');
    await page.keyboard.press('Enter');
    await type(priority, 'Two applications');
    await page.keyboard.press('Enter');
    const rows = page.getByRole('list').filter({ has: page.getByLabel('Priority 1') }).getByRole('listitem');
    await expect(rows).toHaveCount(2);
    await expect(rows.first()).toContainText(/In your plan, due \d+ \w+ \d{4}\./);
    await expect(page.getByLabel('Priority 1')).toHaveValue('Call Ana about the analyst role');
    await expect(page.getByLabel('Priority 2')).toHaveValue('Two applications');

    // Linked, not copied: new words here are the action's words in the plan.
    const first = page.getByLabel('Priority 1');
    await first.focus();
    await page.keyboard.press('End');
    await page.keyboard.type(' on Tuesday');
    await open(page, '#/next');
    await expect(page.getByText('Call Ana about the analyst role on Tuesday', { exact: true })).toBeVisible();
    await expect(page.getByText('Two applications', { exact: true })).toBeVisible();

    await page.goto('./#/review');
    await page.reload();
    await expect(page.getByLabel('What moved this week?')).toHaveValue('Two calls and an hour on the portfolio.');
    await expect(page.getByLabel('What was hard?')).toHaveValue('Waiting for replies.');
    await expect(page.getByLabel('What is the one thing for next week?')).toHaveValue('Send the case study to Ana.');
    await expect(page.getByRole('radio', { name: '3, steady' })).toBeChecked();
    await expect(rows).toHaveCount(2);
    await expect(page.getByLabel('Priority 1')).toHaveValue('Call Ana about the analyst role on Tuesday');

    // Removing a priority leaves its action in the plan, with its words.
    await page.getByRole('button', { name: /Remove the priority “Two applications”/ }).click();
    await expect(rows).toHaveCount(1);
    await expect(page.getByLabel('Priority 2')).toHaveCount(0);
    await expect(page.getByLabel('A priority for next week')).toBeFocused();
    await open(page, '#/next');
    await expect(page.getByText('Two applications', { exact: true })).toBeVisible();

    // The page fits the phone: nothing wider than the viewport.
    await open(page, '#/review');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test('the review is offered on Today on the first day of the week, and only then', async ({ page }) => {
  // Monday 30 November 2026, with weeks starting on Monday.
  await page.clock.setFixedTime(new Date(2026, 10, 30, 10, 0, 0));
  await open(page);
  await start(page);
  const offer = page.getByRole('region', { name: 'A new week' });
  await expect(offer).toContainText('the week of 23 November 2026');
  await offer.getByRole('link', { name: 'Start the weekly review' }).click();
  await expect(page.getByRole('heading', { name: 'The week of 23 November 2026' })).toBeVisible();
  await page.getByLabel('What moved this week?').fill('A quiet week, and that is fine.');
  await open(page, '');
  await expect(page.getByRole('region', { name: 'A new week' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Weekly review: look back at a week' })).toBeVisible();
});

test('the review is not offered on other days, and stays one link away', async ({ page }) => {
  await page.clock.setFixedTime(new Date(2026, 11, 2, 10, 0, 0));
  await open(page);
  await start(page);
  await expect(page.getByRole('link', { name: 'Weekly review: look back at a week' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'A new week' })).toHaveCount(0);
});

test('the momentum chart and its table agree with the data, show rest as rest, and link each week to its review', async ({ page }) => {
  const monday = thisMonday();
  const project = '7d1e3c2a-1111-4a4a-8b8b-000000000001';
  const at = '2026-11-01T09:00:00Z';
  const seed = {
    schema_version: 8,
    created_at: at,
    debrief: { setback: 'fired_or_laid_off', setback_on: isoDay(monday, -14), updated_at: at },
    outreach: {
      contacts: [{
        id: '7d1e3c2a-1111-4a4a-8b8b-000000000002', updated_at: at, name: 'Ana',
        interactions: [{ id: '7d1e3c2a-1111-4a4a-8b8b-000000000003', updated_at: at, date: isoDay(monday, -7), channel: 'email' }],
      }],
    },
    mojo: {
      projects: [{ id: project, updated_at: at, name: 'Portfolio' }],
      entries: [
        { id: '7d1e3c2a-1111-4a4a-8b8b-000000000004', updated_at: at, project, date: isoDay(monday, -6), hours: 2 },
        { id: '7d1e3c2a-1111-4a4a-8b8b-000000000005', updated_at: at, project, date: isoDay(monday, -5), hours: 1.5 },
      ],
      downtime: { rest_days: [
        { id: '7d1e3c2a-1111-4a4a-8b8b-000000000006', updated_at: at, date: isoDay(monday, -13) },
        { id: '7d1e3c2a-1111-4a4a-8b8b-000000000007', updated_at: at, date: isoDay(monday, -12) },
      ] },
      reviews: [{ id: '7d1e3c2a-1111-4a4a-8b8b-000000000008', updated_at: at, week: isoDay(monday, -7), moved: 'Ana wrote back.', energy: 4 }],
      updated_at: at,
    },
    plan: {
      opportunities: { list: [{
        id: '7d1e3c2a-1111-4a4a-8b8b-000000000009', updated_at: at, company: 'Acme', role: 'Analyst', stage: 'applied',
        history: [{ stage: 'applied', on: isoDay(monday, 0) }],
      }] },
    },
    settings: { welcomed: true },
  };
  await storeBeforeLoad(page, seed);
  await open(page);

  const card = page.getByRole('region', { name: 'Momentum since the setback' });
  await expect(card.getByLabel('The day of the setback')).toHaveValue(isoDay(monday, -14));
  // Three weeks, three strips (people, hours, applications) and the energy dot.
  const chart = card.locator('svg.momentum-chart');
  await expect(chart.locator('rect.bar')).toHaveCount(9);
  await expect(chart.locator('circle.energy-dot')).toHaveCount(1);
  await expect(chart.locator('rect.rest')).toHaveCount(1);
  // Each strip's busiest week fills it; the other weeks are flat. The bars
  // run strip by strip, week by week: week 2 (index 1) has the person and
  // the hours, week 3 (index 2) the application.
  const heights = await chart.locator('rect.bar').evaluateAll((bars) => bars.map((bar) => Number(bar.getAttribute('height'))));
  expect(heights).toEqual([0, 44, 0, 0, 44, 0, 0, 0, 44]);

  await card.getByText('Show the weeks as a table').click();
  const table = card.getByRole('table');
  const row = (week: number) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^Week ${week},`) }) });
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(row(3).getByRole('cell')).toHaveText(['0', '0 h', '1', '–']);
  await expect(row(2).getByRole('cell')).toHaveText(['1', '3.5 h', '0', '4']);
  await expect(row(1).getByRole('cell')).toHaveText(['0', '0 h', '0', '–']);
  await expect(row(1)).toContainText('Rest');
  await expect(row(2)).not.toContainText('Rest');

  await row(2).getByRole('link', { name: 'Read its review' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Weekly review');
  await expect(page.getByLabel('What moved this week?')).toHaveValue('Ana wrote back.');
  await expect(page.getByRole('radio', { name: '4, good' })).toBeChecked();
  const figures = page.getByRole('region', { name: /The week of/ });
  await expect(figures.getByRole('definition')).toContainText(['3.5 h of your 20 h goal', '1']);
});

test('a setback date in the future or missing is said plainly, not drawn', async ({ page }) => {
  await open(page);
  await start(page);
  const card = page.getByRole('region', { name: 'Momentum since the setback' });
  await expect(card).toContainText('Set the day of your setback');
  await expect(card.locator('svg')).toHaveCount(0);
  const ahead = isoDay(new Date(), 10);
  await card.getByLabel('The day of the setback').fill(ahead);
  await expect(card).toContainText('is still ahead');
  await expect(card.locator('svg')).toHaveCount(0);
  await card.getByLabel('The day of the setback').fill(isoDay(new Date(), -1));
  await expect(card.locator('svg.momentum-chart')).toBeVisible();
});
