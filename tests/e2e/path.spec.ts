// The method as a path (issue #18): each kind of setback walked from the
// welcome to "comeback complete" by keyboard alone, Today, the navigation and
// each page agreeing on where the person is; and the example data showing a
// next step that matches its state.
import type { Page } from '@playwright/test';
import { test, expect, open, loadExample, press, type, arrive } from './fixtures';

async function nextStep(page: Page) {
  return page.getByRole('region', { name: 'A good next step' });
}

async function followNextStep(page: Page, link: string, heading: string) {
  await press((await nextStep(page)).getByRole('link', { name: link }), 'Enter');
  await arrive(page, heading);
}

async function leadOn(page: Page, link: string, heading: string) {
  await press(page.getByRole('link', { name: link }), 'Enter');
  await arrive(page, heading);
}

async function backToToday(page: Page) {
  await press(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }), 'Enter');
  await arrive(page, 'Today');
}

type Walk = {
  kind: string;
  /** A checklist item that fits this kind, and one that must not show. */
  fits: string;
  misfit: string;
  /** The weekly goal the kind suggests. */
  goal: string;
  /** The path chosen on Step 4, and the end reached. */
  path: string;
  own?: boolean;
  end: string;
};

const walks: Walk[] = [
  { kind: 'I was fired or laid off', fits: 'Apply for unemployment benefits, where they exist', misfit: 'Ask your manager plainly what the next step would take', goal: '20', path: 'A new job', end: 'I have accepted a new job' },
  { kind: 'My business or freelance work failed', fits: 'Close or pause the business properly', misfit: 'Apply for unemployment benefits, where they exist', goal: '20', path: 'Freelancing', end: 'My first client has paid me' },
  { kind: 'A project I launched was turned down', fits: 'Keep what you built and what people said about it', misfit: 'Read the exit paperwork before signing anything', goal: '10', path: 'A new business', end: 'My business is launched' },
  { kind: 'My career has stalled', fits: 'Ask your manager plainly what the next step would take', misfit: 'Apply for unemployment benefits, where they exist', goal: '5', path: 'A new role where I am', own: true, end: 'I have a new role or a promotion' },
];

for (const walk of walks) {
  test(`"${walk.kind}" walked from the welcome to a complete comeback by keyboard`, async ({ page }) => {
    await open(page);
    const welcome = page.getByRole('region', { name: 'Welcome to Comeback' });
    await expect(welcome).toContainText('use a phone or computer of your own');
    await press(welcome.getByRole('radio', { name: walk.kind }), 'Space');
    await expect(welcome.getByRole('radio', { name: walk.kind })).toBeChecked();
    await press(welcome.getByRole('button', { name: 'Start' }), 'Enter');

    // Choosing a kind is not a debrief under way: the practical ground comes first.
    await expect(await nextStep(page)).toContainText('Start with the practical ground');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'First steps' })).toBeVisible();
    await followNextStep(page, 'Open the first steps', 'First steps after the blow');
    await expect(nav.getByRole('link', { name: 'First steps' })).toHaveAttribute('aria-current', 'page');

    // The checklist fits the kind of setback; half of it ticked.
    const checklist = page.getByRole('region', { name: "This week's checklist" });
    await expect(checklist.getByRole('checkbox', { name: walk.fits })).toBeVisible();
    await expect(checklist.getByRole('checkbox', { name: walk.misfit })).toHaveCount(0);
    const boxes = await checklist.getByRole('checkbox').all();
    for (const box of boxes.slice(0, Math.ceil(boxes.length / 2))) {
      await press(box, 'Space');
      await expect(box).toBeChecked();
    }
    await leadOn(page, 'Go on to Step 1: Debrief with yourself', 'Step 1: Debrief with yourself');

    // Step 1: what happened, the key lesson, closure; marked done.
    await type(page.getByLabel('In a sentence or two, what happened?'), 'It ended in March.');
    const lessons = page.getByRole('region', { name: 'Lessons' });
    await type(lessons.getByLabel('A lesson'), 'Ask for feedback early');
    await page.keyboard.press('Enter');
    await press(lessons.getByRole('radio', { name: 'Key lesson' }), 'Space');
    const closure = page.getByRole('region', { name: 'Closure' });
    await type(closure.getByLabel('A note to yourself'), 'It is behind me now.');
    await expect(page.getByRole('region', { name: 'Where Step 1 stands' })).toContainText('Your key lesson and your closure are written');
    await press(closure.getByRole('button', { name: 'Mark the debrief done' }), 'Enter');
    await expect(closure.getByText(/Debrief done on/)).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Debrief' })).toHaveClass(/step-done/);
    await leadOn(page, 'Go on to Step 2: Share it', 'Step 2: Share it');

    // Step 2: the news posted; the step offered, then marked done.
    const announce = page.getByRole('region', { name: 'Tell your network' });
    if (walk.own) {
      // Still in the job: the post does not say "I have moved on".
      await type(announce.getByLabel('What I am pursuing now'), 'a team lead role');
      await expect(announce.getByLabel('Your post')).not.toHaveValue(/moved on/);
    }
    await type(announce.getByLabel('Posted on'), 'LinkedIn');
    await press(announce.getByRole('button', { name: 'Record this post' }), 'Enter');
    const share = page.getByRole('region', { name: 'Where Step 2 stands' });
    await press(share.getByRole('button', { name: 'Mark Step 2 done' }), 'Enter');
    await expect(share).toContainText('Step 2 is done');
    await expect(nav.getByRole('link', { name: 'Share' })).toHaveClass(/step-done/);
    await leadOn(page, 'Go on to Step 3: Regain your mojo', 'Step 3: Regain your mojo');

    // Step 3: the goal fits the kind; an event planned is a start.
    await expect(page.getByLabel('Weekly goal in hours')).toHaveValue(walk.goal);
    await press(page.getByRole('button', { name: 'Add an event' }), 'Enter');
    // The new event takes the focus on the next frame: wait for it, as a
    // person would, or it can take the focus from the next button mid-press.
    await expect(page.getByRole('region', { name: 'Out of your comfort zone' }).getByLabel('What it was')).toBeFocused();
    const mojo = page.getByRole('region', { name: 'Where Step 3 stands' });
    await press(mojo.getByRole('button', { name: 'Mark Step 3 done' }), 'Enter');
    await expect(mojo).toContainText('Step 3 is done');

    // Today agrees: the next move is next, and no weekly quota calls back.
    await backToToday(page);
    await expect(await nextStep(page)).toContainText('choose a path');
    await expect(nav.getByRole('link', { name: 'Next move' })).toHaveClass(/step-here/);
    await followNextStep(page, 'Choose your path', 'Step 4: Make your next move');

    // Step 4: the path, what finishing means, and the move made.
    const path = page.getByRole('region', { name: 'Choose the path' });
    if (walk.own) {
      await type(path.getByLabel('Add an option of your own'), walk.path);
      await press(path.getByRole('button', { name: 'Add option' }), 'Enter');
    }
    await press(path.getByRole('radio', { name: walk.path }), 'Space');
    await expect(path.getByRole('radio', { name: walk.path })).toBeChecked();
    const end = page.getByRole('region', { name: 'Where Step 4 stands' });
    const ending = end.getByRole('radio', { name: walk.end });
    if (walk.own) {
      await press(ending, 'Space');
    }
    await expect(ending).toBeChecked();
    await press(end.getByRole('button', { name: 'I have made my move' }), 'Enter');
    await expect(end).toContainText('Step 4 is done');
    await leadOn(page, 'Back to Today', 'Today');

    // The end of the path: said once, with what fits after a comeback.
    await expect(await nextStep(page)).toContainText('You made your comeback.');
    await expect(page.getByRole('list').filter({ hasText: '1. Debrief with yourself' }).getByText('Done', { exact: true })).toHaveCount(4);
    await page.reload();
    await expect(await nextStep(page)).toContainText('You made your comeback.');
  });
}

test('the example shows a next step that matches where Maya is', async ({ page }) => {
  await loadExample(page);
  // Debrief done, news shared, side projects going, a job path chosen and
  // two opportunities moving: an action from the plan, not more hours.
  const next = await nextStep(page);
  await expect(next).toContainText('Pick one action from your plan for this week.');
  await expect(next).not.toContainText('side project');
  await expect(next.getByRole('link', { name: 'Open your plan' })).toHaveAttribute('href', '#/next');
  for (const step of ['1. Debrief with yourself', '2. Share it', '3. Regain your mojo']) {
    await expect(page.getByRole('listitem').filter({ hasText: step }).getByText('Done', { exact: true })).toBeVisible();
  }
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Next move' })).toHaveClass(/step-here/);
  await press(nav.getByRole('link', { name: 'Next move' }), 'Enter');
  const end = page.getByRole('region', { name: 'Where Step 4 stands' });
  await expect(end.getByRole('radio', { name: 'I have accepted a new job' })).toBeChecked();
  await expect(end).toContainText('When you have reached it, say so here');
});

test.describe('on a 320 px phone', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('every navigation label stays on one line, and the example notice is one compact line', async ({ page }) => {
    await loadExample(page);
    const links = await page.getByRole('navigation', { name: 'Main' }).getByRole('link').all();
    expect(links.length).toBe(7);
    // Each label within its own cell of the bar (nothing spills into the next).
    for (const link of links) {
      const [cell, label] = await link.evaluate((element) => [element.getBoundingClientRect(), element.querySelector('.nav-label')!.getBoundingClientRect()].map((box) => [box.left, box.right]));
      expect(label[0], `${await link.textContent()} starts in its cell`).toBeGreaterThanOrEqual(cell[0] - 0.5);
      expect(label[1], `${await link.textContent()} ends in its cell`).toBeLessThanOrEqual(cell[1] + 0.5);
    }
    for (const link of links) {
      const lines = await link.evaluate((element) => {
        const range = document.createRange();
        range.selectNodeContents(element.querySelector('.nav-label')?.firstChild ?? element);
        return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
      });
      expect(lines, `${await link.textContent()} on one line`).toBe(1);
    }
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Next move' })).toBeVisible();
    const banner = page.getByRole('region', { name: 'Example data' });
    // One row: the short words and the button side by side, no taller than a button and its margins.
    const remove = banner.getByRole('button', { name: 'Remove the example data' });
    await expect(remove).toBeVisible();
    const [notice, label, button] = await Promise.all([banner.boundingBox(), banner.getByText('Example data', { exact: true }).boundingBox(), remove.boundingBox()]);
    const middle = (box: typeof notice) => (box ? box.y + box.height / 2 : -999);
    expect(Math.abs(middle(label) - middle(button)), 'the words and the button on one row').toBeLessThan(8);
    expect(notice?.height ?? 999, 'the example notice takes one line').toBeLessThanOrEqual((button?.height ?? 0) + 16);
  });
});
