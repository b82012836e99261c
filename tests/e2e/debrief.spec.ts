// Step 1, the debrief: a whole debrief typed as a person would, kept across
// a reload; the calendar and Markdown files. The guided sequence and the
// focused session: sequence.spec.ts.
import { test, expect, open, downloadedText } from './fixtures';

test.use({ timezoneId: 'Europe/Paris' });

test('a full debrief is typed, kept across a reload, and taken out as files', async ({ page }) => {
  await open(page, '#/debrief');

  // What happened.
  await page.getByRole('radio', { name: 'My business or freelance work failed' }).check();
  await page.getByLabel('In a sentence or two, what happened?').fill('The bakery closed after 18 months.');

  // The quiet block, and its calendar file.
  await page.getByLabel('Date', { exact: true }).fill('2026-12-05');
  await page.getByLabel('Start time').fill('09:30');
  await page.getByLabel('Length').selectOption({ label: '2½ hours' });
  const icsDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download calendar file (.ics)' }).click();
  const ics = await downloadedText(await icsDownload);
  expect((await icsDownload).suggestedFilename()).toBe('comeback-debrief.ics');
  expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  expect(ics).toContain('\r\nBEGIN:VEVENT\r\n');
  // 09:30 in Paris in December is 08:30 UTC; two and a half hours long.
  expect(ics).toContain('\r\nDTSTART:20261205T083000Z\r\n');
  expect(ics).toContain('\r\nDTEND:20261205T110000Z\r\n');
  for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);

  // The timeline: three events, entered out of order.
  const timeline = page.getByRole('region', { name: 'The timeline' });
  await timeline.getByRole('button', { name: 'Add an event' }).click();
  const first = timeline.getByRole('group', { name: 'Event 1' });
  await expect(first.getByLabel('What happened', { exact: true })).toBeFocused();
  await first.getByLabel('How exact is the date?').selectOption({ label: 'Month only' });
  await first.getByLabel('When').fill('2025-03');
  await first.getByLabel('What happened', { exact: true }).fill('Opened the bakery full time');
  await first.getByLabel('What I did, or could have done').fill('Quit my job the same week.');
  await first.getByRole('checkbox', { name: 'This was a turning point' }).check();

  await timeline.getByRole('button', { name: 'Add an event' }).click();
  const second = timeline.getByRole('group', { name: 'Event 2' });
  await second.getByLabel('What happened', { exact: true }).fill('First month with a profit');
  await second.getByLabel('How exact is the date?').selectOption({ label: 'Exact day' });
  await second.getByLabel('When').fill('2024-11-20');

  await timeline.getByRole('button', { name: 'Add an event' }).click();
  await timeline.getByRole('group', { name: 'Event 3' }).getByLabel('What happened', { exact: true }).fill('Savings ran out');

  const eventTexts = timeline.getByLabel('What happened', { exact: true });
  await expect(eventTexts.nth(0)).toHaveValue('First month with a profit');
  await expect(eventTexts.nth(1)).toHaveValue('Opened the bakery full time');
  await expect(eventTexts.nth(2)).toHaveValue('Savings ran out');

  // Hard questions, tailored to a failed business, with a "Why?" level.
  const questions = page.getByRole('region', { name: 'The hard questions' });
  const quitTooSoon = questions.getByRole('group', { name: /leave a steady paycheck too soon/ });
  await quitTooSoon.getByLabel('My answer').fill('Yes: I left at the first good month.');
  await quitTooSoon.getByRole('button', { name: 'Ask why' }).click();
  await expect(quitTooSoon.getByLabel('Why? (level 1)')).toBeFocused();
  await quitTooSoon.getByLabel('Why? (level 1)').fill('I mistook one good month for a trend.');
  const loveWork = questions.getByRole('group', { name: 'Do you truly love this kind of work?' });
  await loveWork.getByRole('button', { name: 'Skip this question' }).click();
  await expect(loveWork.getByText('Skipped.')).toBeVisible();
  await questions.getByLabel('Add a question of your own').fill('What would I tell a friend?');
  await questions.getByRole('button', { name: 'Add question' }).click();
  await questions.getByRole('group', { name: 'What would I tell a friend?' }).getByLabel('My answer').fill('Be kinder to yourself.');

  // Factors and the short lists.
  const factors = page.getByRole('region', { name: 'What contributed' });
  await factors.getByLabel('A contributing factor').fill('Rent went up 30%');
  await factors.getByLabel('How much was in my control').selectOption({ label: 'Outside my control' });
  await factors.getByRole('button', { name: 'Add factor' }).click();
  await page.getByLabel('Something that went well').fill('Regulars loved the sourdough');
  await page.getByLabel('Something that went well').press('Enter');
  await page.getByLabel('Where luck helped').fill('A kind landlord at first');
  await page.getByLabel('Where luck helped').press('Enter');

  // Lessons: mark the key one.
  const lessons = page.getByRole('region', { name: 'Lessons' });
  await lessons.getByLabel('A lesson').fill('Keep six months of savings');
  await lessons.getByRole('button', { name: 'Add' }).click();
  await lessons.getByLabel('A lesson').fill('I quit my day job too soon');
  await lessons.getByRole('button', { name: 'Add' }).click();
  await lessons.getByRole('radio', { name: 'Key lesson' }).nth(1).check();

  // An option, sent to the plan.
  const options = page.getByRole('region', { name: 'Options to weigh' });
  await options.getByLabel('An option').fill('Apply to remote bakery-chain roles');
  await options.getByRole('button', { name: 'Add', exact: true }).click();
  await options.getByRole('button', { name: 'Add to my plan: Apply to remote bakery-chain roles' }).click();
  await expect(options.getByText('In my plan')).toBeVisible();

  // Closure.
  const closure = page.getByRole('region', { name: 'Closure' });
  await closure.getByLabel('A note to yourself').fill('It was brave to try. Time to move on.');
  await closure.getByRole('button', { name: 'Mark the debrief done' }).click();
  await expect(closure.getByText(/Debrief done on/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your debrief: 8 of 9 parts' })).toBeVisible();
  await expect(page.getByRole('status').first()).toHaveText('Saved on this device');

  // Everything is still there after a reload.
  await page.reload();
  await expect(page.getByLabel('In a sentence or two, what happened?')).toHaveValue('The bakery closed after 18 months.');
  await expect(page.getByLabel('Start time')).toHaveValue('09:30');
  await expect(page.getByLabel('Length')).toHaveValue('150');
  // The events read as lines, in order; one opens to be edited.
  const events = timeline.getByRole('listitem');
  await expect(events).toHaveCount(3);
  await expect(eventTexts).toHaveCount(0);
  await expect(events.nth(0)).toContainText('1. 20 Nov 2024: First month with a profit');
  await expect(events.nth(1)).toContainText('2. March 2025: Opened the bakery full time Turning point');
  await expect(events.nth(1)).toContainText('Quit my job the same week.');
  await expect(events.nth(2)).toContainText('3. Date unknown: Savings ran out');
  const editSecond = timeline.getByRole('button', { name: 'Edit event 2' });
  await expect(editSecond).toHaveAttribute('aria-expanded', 'false');
  await editSecond.click();
  await expect(editSecond).toHaveAttribute('aria-expanded', 'true');
  const opened = timeline.getByRole('group', { name: 'Event 2' });
  await expect(opened.getByLabel('What happened', { exact: true })).toBeFocused();
  await expect(opened.getByRole('checkbox', { name: 'This was a turning point' })).toBeChecked();
  await expect(opened.getByLabel('When')).toHaveValue('2025-03');
  await opened.getByLabel('What happened', { exact: true }).fill('Opened the bakery');
  await expect(events.nth(1)).toContainText('2. March 2025: Opened the bakery Turning point');
  await timeline.getByRole('button', { name: 'Done' }).click();
  await expect(opened).toHaveCount(0);
  await expect(editSecond).toBeFocused();
  await expect(quitTooSoon.getByLabel('Why? (level 1)')).toHaveValue('I mistook one good month for a trend.');
  await expect(loveWork.getByText('Skipped.')).toBeVisible();
  await expect(questions.getByRole('group', { name: 'What would I tell a friend?' }).getByLabel('My answer')).toHaveValue('Be kinder to yourself.');
  await expect(factors.getByRole('combobox').first()).toHaveValue('outside');
  await expect(lessons.getByRole('radio', { name: 'Key lesson' }).nth(1)).toBeChecked();
  await expect(closure.getByText(/Debrief done on/)).toBeVisible();

  // The option is in the plan, linked: editing it in the debrief shows in the plan.
  await options.getByRole('textbox').first().fill('Apply to remote roles at bakery chains');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Next move' }).click();
  await expect(page.getByRole('region', { name: 'My action plan' }).getByRole('checkbox', { name: 'Apply to remote roles at bakery chains' })).toBeVisible();

  // The Markdown copy holds it all, in order.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Debrief' }).click();
  const mdDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download as Markdown' }).click();
  expect((await mdDownload).suggestedFilename()).toMatch(/^comeback-debrief-\d{4}-\d{2}-\d{2}\.md$/);
  const markdown = await downloadedText(await mdDownload);
  expect(markdown).toMatch(/^# /);
  // Words without punctuation, which Markdown escaping leaves as they are.
  for (const text of ['The bakery closed after 18 months', 'Savings ran out', 'I mistook one good month for a trend', 'Rent went up 30', 'I quit my day job too soon', 'It was brave to try']) {
    expect(markdown).toContain(text);
  }
  expect(markdown.indexOf('First month with a profit')).toBeLessThan(markdown.indexOf('Opened the bakery'));
});

test('timeline events reorder with the keyboard alone', async ({ page }) => {
  await open(page, '#/debrief');
  const timeline = page.getByRole('region', { name: 'The timeline' });
  for (const [at, text] of ['First thing', 'Second thing'].entries()) {
    await timeline.getByRole('button', { name: 'Add an event' }).click();
    // The new event's field takes focus a frame after the click: type once it has.
    await expect(timeline.getByLabel('What happened', { exact: true }).nth(at)).toBeFocused();
    await page.keyboard.type(text);
  }
  await timeline.getByRole('button', { name: 'Move event 2 up' }).focus();
  await page.keyboard.press('Enter');
  const texts = timeline.getByLabel('What happened', { exact: true });
  await expect(texts.nth(0)).toHaveValue('Second thing');
  await expect(texts.nth(1)).toHaveValue('First thing');
  // At the top its "up" button is disabled, so the keyboard lands on "down".
  await expect(timeline.getByRole('button', { name: 'Move event 1 up' })).toBeDisabled();
  await expect(timeline.getByRole('button', { name: 'Move event 1 down' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(texts.nth(0)).toHaveValue('First thing');
  await expect(timeline.getByRole('button', { name: 'Move event 2 up' })).toBeFocused();
  await timeline.getByRole('button', { name: 'Delete event 1' }).click();
  await expect(texts).toHaveCount(1);
  await expect(texts.nth(0)).toHaveValue('Second thing');
});

test('the debrief cannot be closed without a key lesson, and says why', async ({ page }) => {
  await open(page, '#/debrief');
  await page.getByRole('button', { name: 'Mark the debrief done' }).click();
  await expect(page.getByRole('region', { name: 'Closure' }).getByRole('alert')).toContainText('choose the one lesson that matters most');
});

test('the debrief page fits a 320 px wide screen', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await open(page, '#/debrief');
  await page.getByRole('button', { name: 'Add an event' }).click();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
