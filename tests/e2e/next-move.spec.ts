// Step 4, Next move: compare paths and choose one; targets flag contacts on
// the outreach list; an opportunity sourced from a contact moves through the
// stages by keyboard; the failure answer is prefilled from the debrief; the
// activity report and the dated actions download; everything is kept.
import { test, expect, open, goTo, held, downloadedText, storeBeforeLoad } from './fixtures';

const lesson = '9a4f0c1e-2b3d-4e5f-8a6b-7c8d9e0f1a2b';
const bilal = '0b6f4a3e-5f55-4c36-9d6b-1d2f33f1c2a1';
const seed = {
  schema_version: 4,
  created_at: '2026-11-01T09:00:00Z',
  debrief: {
    setback: 'business_failed',
    summary: 'My bakery closed after 18 months: I left my job too soon and ran out of savings.',
    lessons: [{ id: lesson, updated_at: '2026-11-02T09:00:00Z', text: 'Test demand before I commit my savings.' }],
    key_lesson: lesson,
  },
  outreach: {
    contacts: [
      { id: bilal, updated_at: '2026-11-02T09:00:00Z', name: 'Bilal Haddad', company: 'Globex, Inc.', role: 'Product Designer', how_often: 'once_a_year_or_less' },
      { id: '1c7e5b4d-6f55-4c36-9d6b-1d2f33f1c2a2', updated_at: '2026-11-02T09:00:00Z', name: 'Aaron Close', how_often: 'several_times_a_week' },
    ],
  },
};

/** A local date as a date field holds it (YYYY-MM-DD). */
function isoDay(offsetDays: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

test('choose a path, target a company, move an opportunity by keyboard, build the answer, report, and keep it all', async ({ page }) => {
  await storeBeforeLoad(page, seed);
  await open(page, '#/next');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Step 4: Make your next move');

  // Two options compared on weighted criteria, and one chosen.
  const path = page.getByRole('region', { name: 'Choose the path' });
  await path.getByLabel('Add an option of your own').fill('Teaching');
  await path.getByRole('button', { name: 'Add option' }).click();
  await expect(path.getByRole('columnheader')).toHaveText(['What matters', 'Weight', 'A new job', 'Freelancing', 'A new business', 'Teaching']);
  // Scores and weights are number fields, kept when the field is left.
  const score = async (label: string, value: string) => {
    const field = path.getByRole('spinbutton', { name: label, exact: true });
    await field.fill(value);
    await field.press('Tab');
  };
  await score('Weight of “Income stability”', '5');
  await score('A new job: Income stability', '4');
  await score('A new job: Interest', '2');
  await score('Teaching: Income stability', '3');
  await score('Teaching: Interest', '9');
  // Past the scale is the top of it.
  await expect(path.getByRole('spinbutton', { name: 'Teaching: Interest' })).toHaveValue('5');
  // Job: (5×4 + 3×2) / (5+3+3+3)×5 = 26/70 = 37%; Teaching: (5×3 + 3×5) / 70 = 43%.
  const scores = path.getByRole('row', { name: /Weighted score/ });
  await expect(scores.getByRole('cell')).toHaveText(['37% (2 of 4 scored)', '0% (0 of 4 scored)', '0% (0 of 4 scored)', '43% (2 of 4 scored)']);
  // An emptied score is not scored; an emptied weight keeps its value.
  await score('A new job: Interest', '');
  await expect(scores.getByRole('cell').first()).toHaveText('29% (1 of 4 scored)');
  await score('Weight of “Interest”', '');
  await expect(path.getByRole('spinbutton', { name: 'Weight of “Interest”' })).toHaveValue('3');
  // The arrow keys step a score, as they do in any number field.
  await score('A new job: Interest', '1');
  await path.getByRole('spinbutton', { name: 'A new job: Interest' }).press('ArrowUp');
  await expect(scores.getByRole('cell').first()).toHaveText('37% (2 of 4 scored)');
  await expect(path.getByText('Teaching scores highest (43%).')).toBeVisible();
  await path.getByRole('radio', { name: 'Teaching' }).check();
  await expect(path.getByText('Teaching scores highest (43%). Your choice: Teaching.')).toBeVisible();
  await path.getByRole('radio', { name: 'A new job' }).check();
  await expect(path.getByText('Your choice: A new job.')).toBeVisible();

  // A target company flags Bilal on the outreach list, where he comes first.
  const targets = page.getByRole('region', { name: 'Targets' });
  await expect(targets.getByText('No one on your outreach list works in a target job yet.')).toBeVisible();
  await targets.getByLabel('Add a target company').fill('Globex');
  await targets.getByRole('button', { name: 'Add' }).nth(1).click();
  await expect(targets.getByText('1 person on your outreach list works in a target job.')).toBeVisible();
  await targets.getByLabel('Add a target role').fill('Product designer');
  await targets.getByRole('button', { name: 'Add' }).first().click();
  await expect(targets.getByRole('listitem')).toHaveText([/Product designer/, /Globex/]);
  await targets.getByRole('link', { name: 'Open the outreach list' }).click();
  const rows = page.getByRole('region', { name: 'Your outreach list' }).getByRole('listitem');
  await expect(rows.first()).toContainText('Bilal Haddad');
  await expect(rows.first()).toContainText('Target job');
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Step 4: Make your next move');

  // An opportunity through Bilal, moved through the stages with the keyboard only.
  const board = page.getByRole('region', { name: 'Opportunities' });
  await board.getByLabel('Company').fill('Globex');
  await board.getByLabel('Role', { exact: true }).fill('Designer');
  await board.getByLabel('Source', { exact: true }).selectOption({ label: 'A contact' });
  await board.getByLabel('Through whom (from your outreach list)').selectOption({ label: 'Bilal Haddad' });
  await board.getByRole('button', { name: 'Add opportunity' }).click();
  await expect(board.getByText('1 open opportunity.')).toBeVisible();
  const ideas = board.getByRole('region', { name: /^Ideas/ });
  await expect(ideas.getByRole('listitem')).toContainText(['Designer at Globex']);
  await expect(ideas).toContainText('Through Bilal Haddad');

  const next = board.getByRole('button', { name: /^Move “Designer at Globex” to / });
  await next.focus();
  await page.keyboard.press('Enter');
  await expect(board.getByRole('region', { name: /^Applied/ }).getByRole('listitem')).toHaveCount(1);
  await expect(ideas.getByRole('listitem')).toHaveCount(0);
  // Focus followed the card into its new column: Enter again moves it on.
  await expect(board.getByRole('button', { name: 'Move “Designer at Globex” to Screening' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(board.getByRole('button', { name: 'Move “Designer at Globex” to Interviewing' })).toBeFocused();
  await page.keyboard.press('Enter');
  const interviewing = board.getByRole('region', { name: /^Interviewing/ });
  await expect(interviewing.getByRole('listitem')).toHaveCount(1);
  // Focus follows the card a frame after it moves: Tab only once it has.
  await expect(board.getByRole('button', { name: 'Move “Designer at Globex” to Offer' })).toBeFocused();
  // One step back, by keyboard too: Tab reaches "back", Enter.
  await page.keyboard.press('Tab');
  await expect(board.getByRole('button', { name: 'Move “Designer at Globex” back to Screening' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(board.getByRole('region', { name: /^Screening/ }).getByRole('listitem')).toHaveCount(1);
  await expect(interviewing.getByRole('listitem')).toHaveCount(0);
  await board.getByLabel('Stage of “Designer at Globex”').selectOption({ label: 'Interviewing' });
  await expect(interviewing.getByRole('listitem')).toHaveCount(1);
  await board.getByRole('button', { name: 'Details of “Designer at Globex”' }).click();
  await expect(interviewing.getByRole('list').last().getByRole('listitem')).toHaveCount(6);
  await interviewing.getByLabel('Next step', { exact: true }).fill('Portfolio review with the team');

  // The failure answer starts from the debrief.
  const answer = page.getByRole('region', { name: 'Your answer to “What happened?”' });
  await expect(answer.getByLabel('What happened')).toHaveValue('My bakery closed after 18 months: I left my job too soon and ran out of savings.');
  await expect(answer.getByLabel('What I learned')).toHaveValue('Looking back, the biggest lesson for me was this: Test demand before I commit my savings.');
  await expect(answer.getByLabel('Why I am ready now')).toHaveValue(/a role as Product designer/);
  await answer.getByLabel('What I have done since').fill('I spent 20 hours a week on a pricing course and ran two pop-up stalls.');
  await answer.getByLabel('Why I am ready now').fill('I know what I want: a steady design role where I can test ideas with real customers.');
  const whole = answer.getByLabel('The whole answer');
  await expect(whole.getByRole('paragraph')).toHaveCount(4);
  await expect(whole).toContainText('Test demand before I commit my savings.');
  await expect(answer.getByText(/^\d+ words, about 0:\d\d out loud\. Shorter than a minute/)).toBeVisible();
  await answer.getByLabel('Name this version (optional)').fill('First try');
  await answer.getByRole('button', { name: 'Save this version' }).click();
  await expect(answer.getByRole('list').filter({ hasText: 'First try' })).toBeVisible();

  // The rehearsal timer.
  await answer.getByRole('button', { name: 'Start the timer' }).click();
  await expect(answer.getByRole('timer')).toHaveText('0:01', { timeout: 3000 });
  await answer.getByRole('button', { name: 'Stop the timer' }).click();
  await expect(answer.getByText(/You spoke for 0:0\d: under a minute\./)).toBeVisible();

  // A story for another question.
  const stories = page.getByRole('region', { name: 'Other stories for interviews' });
  await stories.getByLabel('The question a story answers').fill('A time I made a mistake');
  await stories.getByRole('button', { name: 'Add story' }).click();
  await expect(stories.getByLabel('Situation')).toBeFocused();
  await page.keyboard.type('We ordered stock for a product nobody had asked for.');
  await stories.getByLabel('Lesson').fill('Ask first.');
  await expect(stories.getByText('12 words, about 0:05 out loud.')).toBeVisible();

  // A dated action goes to the calendar.
  const plan = page.getByRole('region', { name: 'My action plan' });
  await plan.getByLabel('Add an action').fill('Send the portfolio to Bilal');
  await plan.getByRole('button', { name: 'Add', exact: true }).click();
  await plan.getByLabel('Due date for “Send the portfolio to Bilal”').fill(isoDay(3));
  const [calendar] = await Promise.all([page.waitForEvent('download'), plan.getByRole('button', { name: 'Download 1 dated action for my calendar (.ics)' }).click()]);
  expect(calendar.suggestedFilename()).toBe('comeback-actions.ics');
  const ics = await downloadedText(calendar);
  expect(ics).toContain('SUMMARY:Send the portfolio to Bilal');
  expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);

  // The activity report lists today's application and stage changes.
  const report = page.getByRole('region', { name: 'Activity report' });
  await report.getByLabel('From').fill(isoDay(-1));
  await report.getByLabel('To').fill(isoDay(1));
  await expect(report.getByText(/^5 activities from /)).toBeVisible();
  await expect(report.getByRole('table')).toContainText('Applied: Designer at Globex');
  await expect(report.getByRole('table')).toContainText('Through Bilal Haddad');
  const [markdown] = await Promise.all([page.waitForEvent('download'), report.getByRole('button', { name: 'Download as Markdown' }).click()]);
  expect(markdown.suggestedFilename()).toBe(`comeback-activity-${isoDay(-1)}-to-${isoDay(1)}.md`);
  const md = await downloadedText(markdown);
  expect(md).toContain('# Job search activity');
  expect(md).toContain('- **Application:** Applied: Designer at Globex — Through Bilal Haddad');
  const [csvFile] = await Promise.all([page.waitForEvent('download'), report.getByRole('button', { name: 'Download as CSV' }).click()]);
  const csv = await downloadedText(csvFile);
  expect(csv.split('\r\n')[0]).toBe('Date,Type,Activity,Details');
  expect(csv).toContain(`${isoDay(0)},Application,Applied: Designer at Globex,Through Bilal Haddad`);

  // Everything is kept after a reload.
  await expect(page.getByRole('status').first()).toHaveText('Saved on this device');
  await page.reload();
  const saved = await held(page);
  expect(saved.plan.opportunities.list[0].history.map((change: { stage: string }) => change.stage)).toEqual(['idea', 'applied', 'screening', 'interviewing', 'screening', 'interviewing']);
  await expect(path.getByRole('radio', { name: 'A new job' })).toBeChecked();
  await expect(scores.getByRole('cell').last()).toHaveText('43% (2 of 4 scored)');
  await expect(targets.getByRole('listitem')).toHaveText([/Product designer/, /Globex/]);
  await expect(interviewing.getByRole('listitem')).toContainText(['Designer at Globex']);
  await expect(interviewing).toContainText('Next: Portfolio review with the team');
  await expect(answer.getByLabel('Why I am ready now')).toHaveValue('I know what I want: a steady design role where I can test ideas with real customers.');
  await expect(answer.getByRole('list').filter({ hasText: 'First try' })).toBeVisible();
  await expect(stories.getByLabel('Situation')).toHaveValue('We ordered stock for a product nobody had asked for.');
  await expect(plan.getByText('Send the portfolio to Bilal', { exact: true })).toBeVisible();
});

test('a follow-up and a milestone join the action plan and keep their source’s words', async ({ page }) => {
  await open(page, '#/share');
  const add = page.getByRole('region', { name: 'Add someone' });
  await add.getByLabel('Name').fill('Rosa Kim');
  await add.getByRole('button', { name: 'Add to my list' }).click();
  const rosa = page.getByRole('group', { name: 'Details for Rosa Kim' });
  await rosa.getByRole('button', { name: 'Log interaction' }).click();
  await rosa.getByRole('button', { name: 'Add this follow-up to my action plan' }).click();
  await expect(rosa.getByText('This follow-up is in your action plan.')).toBeVisible();

  await goTo(page, '#/mojo');
  await page.getByLabel('A new side project').fill('Ops course');
  await page.getByLabel('A new side project').press('Enter');
  await page.getByLabel('A milestone (shipped the site, finished chapter 3)').fill('Finish module 1');
  await page.getByRole('button', { name: 'Add milestone' }).click();
  await page.getByRole('button', { name: 'Add to my action plan: Finish module 1' }).click();
  await expect(page.getByText('In your action plan.')).toBeVisible();

  await page.goto('./#/next');
  const plan = page.getByRole('region', { name: 'My action plan' });
  await expect(plan.getByText('Follow up with Rosa Kim', { exact: true })).toBeVisible();
  await expect(plan.getByText('Finish module 1 (Ops course)', { exact: true })).toBeVisible();
  // The follow-up is due in two weeks: it sits in the 30-day horizon with its date.
  await expect(plan.getByRole('region', { name: 'Next 30 days' })).toContainText('Follow up with Rosa Kim');
});
