// Step 3, regain your mojo: a side project, hours on several days, the week
// and its chart (through the chart's table), an event whose person met joins
// the outreach list on the Share page, the proud list, and a reload.
import { test, expect, open } from './fixtures';
import type { Page } from '@playwright/test';

/** The browser's local date `back` days ago, as a date field wants it. */
async function localDay(page: Page, back: number): Promise<string> {
  return page.evaluate((back) => {
    const now = new Date();
    const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() - back);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
  }, back);
}

test('projects, hours, the week, events to contacts and the proud list are kept', async ({ page }) => {
  await open(page, '#/mojo');
  const today = await localDay(page, 0);
  const weekAgo = await localDay(page, 7);
  const twoWeeksAgo = await localDay(page, 14);

  // A side project with a target and a milestone.
  const projects = page.getByRole('region', { name: 'Side projects' });
  await projects.getByLabel('A new side project').fill('Portfolio site');
  await projects.getByRole('button', { name: 'Add project' }).click();
  const portfolio = projects.getByRole('group', { name: 'Portfolio site', exact: true });
  // A new project opens, to be filled in.
  await expect(portfolio.getByLabel('Name')).toBeFocused();
  await portfolio.getByLabel('Kind').selectOption({ label: 'Portfolio site' });
  await portfolio.getByLabel('Status').selectOption({ label: 'Active' });
  await portfolio.getByLabel('The career goal it moves forward').fill('Land a UX design role');
  await portfolio.getByLabel('Hours a week (target)').fill('10');
  await portfolio.getByLabel('Hours a week (target)').press('Tab');
  await portfolio.getByLabel(/^A milestone/).fill('Shipped the site');
  await portfolio.getByRole('button', { name: 'Add milestone' }).click();
  await portfolio.getByLabel('Done on').fill(today);

  // The week starts empty; its table is the chart's accessible twin.
  const week = page.getByRole('region', { name: 'Your week' });
  await expect(week.getByText('0 h of 20 h this week')).toBeVisible();
  await week.getByText('Show the chart as a table').click();
  const weeks = week.getByRole('table', { name: /Hours per week/ });
  const rows = weeks.locator('tbody tr');
  await expect(rows).toHaveCount(12);
  await expect(rows.nth(0).getByRole('rowheader')).toHaveText(/\(this week\)$/);
  await expect(rows.nth(0).getByRole('cell').first()).toHaveText('0 h');
  await expect(week.locator('svg rect.bar.current')).toHaveAttribute('height', '0');

  // Hours on several days: a quick button, the form, and two earlier weeks.
  const log = page.getByRole('region', { name: 'Log your time' });
  await log.getByRole('button', { name: 'Log 2 h today on Portfolio site' }).click();
  await expect(log.getByRole('status')).toHaveText(/^Logged 2 h on Portfolio site/);
  const form = log.getByRole('form', { name: 'Log time' });
  await form.getByLabel('Hours', { exact: true }).fill('1,5');
  await form.getByLabel('Note (optional)').fill('Case study page');
  await form.getByRole('button', { name: 'Log time' }).click();
  await form.getByLabel('Date').fill(weekAgo);
  await form.getByLabel('Hours', { exact: true }).fill('0:45');
  await form.getByRole('button', { name: 'Log time' }).click();
  await form.getByLabel('Date').fill(twoWeeksAgo);
  await form.getByLabel('Hours', { exact: true }).fill('3');
  await form.getByRole('button', { name: 'Log time' }).click();
  // Nonsense is refused in plain words.
  await form.getByLabel('Hours', { exact: true }).fill('30');
  await form.getByRole('button', { name: 'Log time' }).click();
  await expect(log.getByRole('alert').first()).toHaveText('Not logged: one entry can hold at most 24 hours.');

  await expect(week.getByText('3.5 h of 20 h this week')).toBeVisible();
  const byProject = week.getByRole('table', { name: 'This week by project' });
  await expect(byProject.getByRole('row', { name: /Portfolio site/ }).getByRole('cell')).toHaveText(['3.5 h', '10 h']);
  await expect(rows.nth(0).getByRole('cell').first()).toHaveText('3.5 h');
  await expect(rows.nth(1).getByRole('cell').first()).toHaveText('0.75 h');
  await expect(rows.nth(2).getByRole('cell').first()).toHaveText('3 h');
  await expect(week.locator('svg rect.bar.current')).not.toHaveAttribute('height', '0');

  // Each entry is a line; Edit opens its fields (focus on the first), Done
  // closes them and gives the focus back. The chart's table follows.
  await expect(log.getByRole('listitem').filter({ hasText: /^3 h on / })).toContainText(', Portfolio site');
  await expect(log.getByRole('group', { name: /^Entry: / })).toHaveCount(0);
  const edit = log.getByRole('button', { name: /^Edit entry of 3 h on/ });
  await expect(edit).toHaveAttribute('aria-expanded', 'false');
  await edit.press('Enter');
  await expect(edit).toHaveAttribute('aria-expanded', 'true');
  const entry = log.getByRole('group', { name: /^Entry: 3 h on/ });
  await expect(entry.getByLabel('Date')).toBeFocused();
  await entry.getByLabel('Hours').fill('2.5');
  await entry.getByLabel('Hours').press('Tab');
  await expect(rows.nth(2).getByRole('cell').first()).toHaveText('2.5 h');
  await log.getByRole('button', { name: 'Done', exact: true }).press('Enter');
  await expect(log.getByRole('group', { name: /^Entry: / })).toHaveCount(0);
  await expect(log.getByRole('button', { name: /^Edit entry of 2\.5 h on/ })).toBeFocused();
  await expect(log.getByRole('listitem').filter({ hasText: /^2\.5 h on / })).toHaveCount(1);
  await log.getByRole('button', { name: /^Delete entry of 0\.75 h on/ }).click();
  await expect(rows.nth(1).getByRole('cell').first()).toHaveText('0 h');

  // An event, a person met there, and that person on the outreach list.
  const events = page.getByRole('region', { name: 'Out of your comfort zone' });
  await events.getByRole('button', { name: 'Add an event' }).click();
  const unnamed = events.getByRole('group', { name: 'Meetup', exact: true });
  await expect(unnamed.getByLabel('What it was')).toBeFocused();
  await unnamed.getByLabel('What it was').fill('Rust Lyon meetup');
  const meetup = events.getByRole('group', { name: 'Rust Lyon meetup', exact: true });
  await meetup.getByRole('radio', { name: 'Attended' }).check();
  await meetup.getByLabel('Date').fill(today);
  await meetup.getByLabel('Where').fill('La Cordée');
  await meetup.getByLabel('Someone I met').fill('Ana Lopez');
  await meetup.getByRole('button', { name: 'Add person' }).click();
  await meetup.getByRole('button', { name: 'Add Ana Lopez to my outreach list' }).click();
  await expect(meetup.getByText('In your outreach list')).toBeVisible();

  // The proud list: a web link is clickable, anything else stays text.
  const proud = page.getByRole('region', { name: 'What I am proud of' });
  await proud.getByLabel('Something I am proud of').fill('Led the 2024 checkout redesign');
  await proud.getByRole('button', { name: 'Add to the list' }).click();
  await proud.getByLabel('Link (optional)').fill('https://example.com/checkout');
  await expect(proud.getByRole('link', { name: /Open the link for Led the 2024 checkout redesign/ })).toHaveAttribute('href', 'https://example.com/checkout');
  await proud.getByLabel('Link (optional)').fill('javascript:alert(1)');
  await expect(proud.getByRole('link')).toHaveCount(0);
  await expect(proud.getByText(/Only web addresses starting with http/)).toBeVisible();
  await proud.getByLabel('Link (optional)').fill('https://example.com/checkout');

  // The summary is written from all of it.
  const summary = page.getByRole('region', { name: 'How I spent my time off' });
  await expect(summary).toContainText('I put 6 h into side projects: 6 h on Portfolio site (portfolio site).');
  await expect(summary).toContainText('Milestones I reached: Shipped the site for Portfolio site');
  await expect(summary).toContainText('Rust Lyon meetup (meetup,');
  await expect(summary).toContainText('I met 1 new person: Ana Lopez.');

  // The person is on the Share page's outreach list.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Share' }).click();
  const outreach = page.getByRole('region', { name: 'Your outreach list' });
  await expect(outreach.getByRole('listitem')).toHaveText(['Ana Lopez — met at Rust Lyon meetup']);
  await expect(page.getByRole('status').first()).toHaveText('Saved on this device');

  // Everything is kept after a reload.
  await page.reload();
  await expect(outreach.getByRole('listitem')).toHaveText(['Ana Lopez — met at Rust Lyon meetup']);
  await open(page, '#/mojo');
  // A project is a line until it is opened.
  await expect(portfolio).toHaveCount(0);
  const line = projects.getByRole('listitem').filter({ hasText: 'Portfolio site' });
  await expect(line).toContainText('Portfolio site · Portfolio site · Active · 10 h a week · 1 of 1 milestone reached');
  await expect(line).toContainText('Moves forward: Land a UX design role');
  const openPortfolio = projects.getByRole('button', { name: 'Edit project Portfolio site' });
  await expect(openPortfolio).toHaveAttribute('aria-expanded', 'false');
  await openPortfolio.press('Enter');
  await expect(portfolio.getByLabel('Name')).toBeFocused();
  await expect(openPortfolio).toHaveAttribute('aria-expanded', 'true');
  await expect(portfolio.getByLabel('The career goal it moves forward')).toHaveValue('Land a UX design role');
  await expect(portfolio.getByLabel('Hours a week (target)')).toHaveValue('10');
  await expect(portfolio.getByLabel('Milestone', { exact: true })).toHaveValue('Shipped the site');
  await expect(portfolio.getByLabel('Done on')).toHaveValue(today);
  await expect(week.getByText('3.5 h of 20 h this week')).toBeVisible();
  await week.getByText('Show the chart as a table').click();
  await expect(rows.nth(0).getByRole('cell').first()).toHaveText('3.5 h');
  await expect(rows.nth(2).getByRole('cell').first()).toHaveText('2.5 h');
  await expect(meetup.getByRole('radio', { name: 'Attended' })).toBeChecked();
  await expect(meetup.getByLabel('Name')).toHaveValue('Ana Lopez');
  await expect(meetup.getByText('In your outreach list')).toBeVisible();
  await expect(proud.getByRole('link', { name: /Open the link for Led the 2024 checkout redesign/ })).toBeVisible();
  await expect(summary).toContainText('I met 1 new person: Ana Lopez.');
});

test('the goal and first day are editable, and the page fits a 320 px screen by keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await open(page, '#/mojo');

  // Add a project and log time with the keyboard alone.
  await page.getByLabel('A new side project').focus();
  await page.keyboard.type('Budget app');
  await page.keyboard.press('Enter');
  const quick = page.getByRole('button', { name: 'Log 1 h today on Budget app' });
  await quick.focus();
  await page.keyboard.press('Enter');

  const week = page.getByRole('region', { name: 'Your week' });
  await expect(week.getByText('1 h of 20 h this week')).toBeVisible();
  await week.getByLabel('Weekly goal in hours').fill('12.5');
  await week.getByLabel('Weekly goal in hours').press('Tab');
  await expect(week.getByText('1 h of 12.5 h this week')).toBeVisible();
  await week.getByLabel('Weeks start on').selectOption({ label: 'Sunday' });
  await expect(week.getByLabel('Weeks start on')).toHaveValue('Sunday');

  await page.getByRole('button', { name: 'Add an event' }).click();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  await page.reload();
  await expect(week.getByText('1 h of 12.5 h this week')).toBeVisible();
  await expect(week.getByLabel('Weeks start on')).toHaveValue('Sunday');
});

test('a project’s choices follow another tab, as drawn and as changed later', async ({ page, context }) => {
  await open(page, '#/mojo');
  const projects = (p: Page) => p.getByRole('region', { name: 'Side projects' });
  await projects(page).getByLabel('A new side project').fill('Open-source CLI');
  await projects(page).getByRole('button', { name: 'Add project' }).click();
  const cli = (p: Page) => projects(p).getByRole('group', { name: 'Open-source CLI', exact: true });
  await cli(page).getByLabel('Kind').selectOption({ label: 'Open source' });
  await cli(page).getByLabel('Status').selectOption({ label: 'Active' });

  // Drawn in another tab: the choices made here.
  const other = await context.newPage();
  await other.goto('./#/mojo');
  await projects(other).getByRole('button', { name: 'Edit project Open-source CLI' }).click();
  await expect(cli(other).getByLabel('Kind')).toHaveValue('open_source');
  await expect(cli(other).getByLabel('Status')).toHaveValue('active');
  // Changed there: followed here, however often.
  for (const [status, key] of [['Paused', 'paused'], ['Done', 'done'], ['Just an idea', 'idea']]) {
    await cli(other).getByLabel('Status').selectOption({ label: status });
    await expect(cli(page).getByLabel('Status')).toHaveValue(key);
  }
  await expect(cli(page).getByLabel('Kind')).toHaveValue('open_source');
  await other.close();
});
