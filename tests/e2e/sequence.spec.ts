// The debrief as a guided sequence on a phone (390 px): a whole debrief
// written by keyboard from the first part to closure, a reload in the middle
// that resumes at the same part, the focused session (Escape in a date field
// or a select closes only that; leaving asks first), and the overview
// showing everything written. Accessibility of every part is in a11y.spec.ts.
import { test, expect, open, goTo, press, type } from './fixtures';
import type { Page } from '@playwright/test';

test.use({ viewport: { width: 390, height: 844 }, timezoneId: 'Europe/Paris', locale: 'en-US' });

/** The part on screen: "Part 4 of 9: The hard questions". */
function where(page: Page) {
  return page.locator('#sequence-where');
}

/** Next, by keyboard; focus lands on the new part. */
async function next(page: Page, expected: string) {
  await press(page.getByRole('button', { name: 'Next', exact: true }), 'Enter');
  await expect(where(page)).toHaveText(expected);
  await expect(page.getByRole('group', { name: expected })).toBeFocused();
}

test('a whole debrief is written by keyboard through the sequence, and a reload resumes at the same part', async ({ page }) => {
  test.setTimeout(90_000);
  await open(page, '#/debrief');
  await press(page.getByRole('link', { name: 'Go through it part by part' }), 'Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Step 1: Debrief, part by part');
  await expect(where(page)).toHaveText('Part 1 of 9: What happened');
  await expect(page.getByText('Nothing here is required: skip this part if it does not fit.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Back' })).toBeDisabled();
  // One part a screen: the next parts are not on it.
  await expect(page.getByRole('region', { name: 'The timeline' })).toHaveCount(0);

  // 1. What happened.
  const business = page.getByRole('radio', { name: 'My business or freelance work failed' });
  await press(business, 'Space');
  await expect(business).toBeChecked();
  await type(page.getByLabel('In a sentence or two, what happened?'), 'The bakery closed after 18 months.');

  // 2. The quiet block: a date and a time typed into their fields.
  await next(page, 'Part 2 of 9: The quiet block');
  await type(page.getByLabel('Date', { exact: true }), '12052026');
  await type(page.getByLabel('Start time'), '0930AM');
  await expect(page.getByLabel('Date', { exact: true })).toHaveValue('2026-12-05');
  await expect(page.getByLabel('Start time')).toHaveValue('09:30');

  // 3. The timeline.
  await next(page, 'Part 3 of 9: The timeline');
  await press(page.getByRole('button', { name: 'Add an event' }), 'Enter');
  await expect(page.getByLabel('What happened', { exact: true })).toBeFocused();
  await page.keyboard.type('Savings ran out');

  // 4. The hard questions, one theme a screen, then my own.
  await press(page.getByRole('button', { name: 'Next', exact: true }), 'Enter');
  await expect(where(page)).toHaveText('Part 4 of 9: The hard questions');
  const screens = Number((await page.getByText(/^Questions 1 of \d+:/).textContent())!.match(/of (\d+)/)![1]);
  expect(screens).toBeGreaterThan(2);
  for (let screen = 1; screen < screens; screen++) {
    await expect(page.getByText(new RegExp(`^Questions ${screen} of ${screens}:`))).toBeVisible();
    const answers = page.getByLabel('My answer');
    await type(answers.first(), `Answer to theme ${screen}.`);
    if (screen === 1) {
      await press(page.getByRole('button', { name: 'Ask why' }).first(), 'Enter');
      await expect(page.getByLabel('Why? (level 1)')).toBeFocused();
      await page.keyboard.type('I mistook one good month for a trend.');
    }
    // The rest of the theme is skipped: the part is complete once each question is answered or skipped.
    const skips = page.getByRole('button', { name: 'Skip this question' });
    while ((await skips.count()) > 1) await press(skips.last(), 'Enter');
    await press(page.getByRole('button', { name: 'Next', exact: true }), 'Enter');
  }
  await expect(page.getByText(`Questions ${screens} of ${screens}: My own questions`)).toBeVisible();
  await type(page.getByLabel('Add a question of your own'), 'What would I tell a friend?');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'What would I tell a friend?' }).getByLabel('My answer')).toBeFocused();
  await page.keyboard.type('Be kinder to yourself.');

  // 5. What contributed, with the control chosen by type-ahead.
  await next(page, 'Part 5 of 9: What contributed');
  await type(page.getByLabel('A contributing factor'), 'Rent went up 30%');
  await type(page.getByLabel('How much was in my control'), 'Outside');
  await expect(page.getByLabel('How much was in my control')).toHaveValue('outside');
  await press(page.getByRole('button', { name: 'Add factor' }), 'Enter');
  await expect(page.getByLabel('Factor 1')).toHaveValue('Rent went up 30%');

  // A reload in the middle opens the same part, with what was written.
  await expect(page.getByRole('status').first()).toHaveText('Saved on this device');
  await page.reload();
  await expect(where(page)).toHaveText('Part 5 of 9: What contributed');
  await expect(page.getByLabel('Factor 1')).toHaveValue('Rent went up 30%');
  // The place is in the workbook: the sequence's plain address resumes there too.
  await goTo(page, '#/debrief');
  await expect(page.getByRole('link', { name: 'Continue where you left off: part 5, What contributed' })).toBeVisible();
  await goTo(page, '#/debrief/guide');
  await expect(where(page)).toHaveText('Part 5 of 9: What contributed');

  // 6. Looking back.
  await next(page, 'Part 6 of 9: What went well, wrong, or lucky');
  await type(page.getByLabel('Something that went well'), 'Regulars loved the sourdough');
  await page.keyboard.press('Enter');
  await type(page.getByLabel('Where luck helped'), 'A kind landlord at first');
  await page.keyboard.press('Enter');

  // 7. Lessons and the key lesson: required, and it says so.
  await next(page, 'Part 7 of 9: Lessons and the key lesson');
  await expect(page.getByText('This part is needed to close the debrief.')).toBeVisible();
  await type(page.getByLabel('A lesson'), 'Keep six months of savings');
  await page.keyboard.press('Enter');
  await type(page.getByLabel('A lesson'), 'I quit my day job too soon');
  await page.keyboard.press('Enter');
  await press(page.getByRole('radio', { name: 'Key lesson' }).nth(1), 'Space');
  await expect(page.getByRole('radio', { name: 'Key lesson' }).nth(1)).toBeChecked();

  // 8. Options.
  await next(page, 'Part 8 of 9: Options to weigh');
  await type(page.getByLabel('An option'), 'Apply to remote bakery-chain roles');
  await page.keyboard.press('Enter');

  // 9. Closure: finishing needs the note, and says which part is missing.
  await next(page, 'Part 9 of 9: Closure');
  await expect(page.getByRole('button', { name: 'Next', exact: true })).toHaveCount(0);
  await press(page.getByRole('button', { name: 'Finish the debrief' }), 'Enter');
  const missing = page.locator('#sequence-missing');
  await expect(missing).toBeFocused();
  await expect(missing.getByRole('link')).toHaveText(['Part 9: Closure']);
  await type(page.getByLabel('A note to yourself'), 'It was brave to try. Time to move on.');
  await press(page.getByRole('button', { name: 'Finish the debrief' }), 'Enter');
  await expect(page.getByText(/^Debrief done on \d+ \w+ 20\d\d\. Well done for facing it\.$/)).toBeVisible();
  const onward = page.getByRole('link', { name: 'Go on to Step 2: Share it' });
  await expect(onward).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Step 2: Share it');

  // The overview shows everything written, and the debrief done.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Debrief' }).click();
  await expect(page.getByRole('heading', { name: 'Your debrief: 9 of 9 parts' })).toBeVisible();
  await expect(page.getByLabel('In a sentence or two, what happened?')).toHaveValue('The bakery closed after 18 months.');
  await expect(page.getByLabel('Date', { exact: true })).toHaveValue('2026-12-05');
  await expect(page.getByLabel('Start time')).toHaveValue('09:30');
  const timeline = page.getByRole('region', { name: 'The timeline' });
  await expect(timeline.getByRole('listitem')).toContainText('Date unknown: Savings ran out');
  const questions = page.getByRole('region', { name: 'The hard questions' });
  const answers = await questions.getByLabel('My answer').evaluateAll((fields) => fields.map((field) => (field as HTMLTextAreaElement).value));
  for (let screen = 1; screen < screens; screen++) expect(answers).toContain(`Answer to theme ${screen}.`);
  await expect(questions.getByLabel('Why? (level 1)')).toHaveValue('I mistook one good month for a trend.');
  await expect(questions.getByText('Skipped.')).toHaveCount(await questions.getByRole('button', { name: 'Bring this question back' }).count());
  expect(await questions.getByText('Skipped.').count()).toBeGreaterThan(0);
  await expect(questions.getByRole('group', { name: 'What would I tell a friend?' }).getByLabel('My answer')).toHaveValue('Be kinder to yourself.');
  const factors = page.getByRole('region', { name: 'What contributed' });
  await expect(factors.getByLabel('Factor 1')).toHaveValue('Rent went up 30%');
  await expect(factors.getByRole('combobox').first()).toHaveValue('outside');
  await expect(page.getByLabel('Went well 1')).toHaveValue('Regulars loved the sourdough');
  await expect(page.getByLabel('Lucky 1')).toHaveValue('A kind landlord at first');
  const lessons = page.getByRole('region', { name: 'Lessons' });
  await expect(lessons.getByLabel('Lesson 2')).toHaveValue('I quit my day job too soon');
  await expect(lessons.getByRole('radio', { name: 'Key lesson' }).nth(1)).toBeChecked();
  await expect(page.getByLabel('Option 1')).toHaveValue('Apply to remote bakery-chain roles');
  const closure = page.getByRole('region', { name: 'Closure' });
  await expect(closure.getByLabel('A note to yourself')).toHaveValue('It was brave to try. Time to move on.');
  await expect(closure.getByText(/Debrief done on/)).toBeVisible();
  // Each part of the overview leads into the sequence at that part.
  await press(page.getByRole('link', { name: 'Work on “Options to weigh” on its own (part 8 of 9)' }), 'Enter');
  await expect(where(page)).toHaveText('Part 8 of 9: Options to weigh');
  await expect(page.getByLabel('Option 1')).toHaveValue('Apply to remote bakery-chain roles');
});

test('the focused session is the same sequence: navigation hidden, a timer, and leaving asks first', async ({ page }) => {
  await open(page, '#/debrief');
  await press(page.getByRole('link', { name: 'Start a focused debrief session' }), 'Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Debrief session');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('timer')).toContainText('of 3:00:00 planned');
  await expect(where(page)).toHaveText('Part 1 of 9: What happened');
  await type(page.getByLabel('In a sentence or two, what happened?'), 'Laid off in the March round.');
  await next(page, 'Part 2 of 9: The quiet block');

  // Escape in a date field, a time field or a select closes only that.
  for (const field of [page.getByLabel('Date', { exact: true }), page.getByLabel('Start time'), page.getByLabel('Length')]) {
    await press(field, 'Escape');
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Debrief session');
  }

  // Escape elsewhere asks first; Escape again stays.
  await next(page, 'Part 3 of 9: The timeline');
  await page.keyboard.press('Escape');
  const ask = page.getByRole('alertdialog', { name: 'Leave the session?' });
  await expect(ask).toContainText('Everything you wrote is saved.');
  await expect(ask.getByRole('button', { name: 'Leave the session' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(ask).toHaveCount(0);
  await expect(where(page)).toHaveText('Part 3 of 9: The timeline');

  // The session runs to the key lesson and closure, with nothing else on screen.
  await page.goto('./#/debrief/session/lessons');
  await expect(where(page)).toHaveText('Part 7 of 9: Lessons and the key lesson');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await next(page, 'Part 8 of 9: Options to weigh');
  await next(page, 'Part 9 of 9: Closure');
  await expect(page.getByRole('button', { name: 'Finish the debrief' })).toBeVisible();

  // The button asks too, and leaving goes to the overview with everything kept.
  await press(page.getByRole('button', { name: 'Leave the session (Esc)' }), 'Enter');
  await press(ask.getByRole('button', { name: 'Leave the session' }), 'Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Step 1: Debrief with yourself');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByLabel('In a sentence or two, what happened?')).toHaveValue('Laid off in the March round.');
});
