// The keyboard-only journey of the accessibility issue: write a timeline
// event, add a contact and log an interaction, log side-project hours, move
// an opportunity to the next stage. No pointer event is used: fields are
// reached with Tab or focused the way a screen reader's "jump to" would,
// and everything is typed or pressed. Focus is always visible and lands on
// each page's h1 after a route change; saving is announced in a live region.
import { test, expect, open, held } from './fixtures';
import type { Page } from '@playwright/test';

/** Follows a link of the main navigation with the keyboard. */
async function go(page: Page, name: string, heading: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).focus();
  await page.keyboard.press('Enter');
  const h1 = page.getByRole('heading', { level: 1 });
  await expect(h1).toHaveText(heading);
  await expect(h1).toBeFocused();
}

/** Focus is visible: the focused element draws an outline or a ring. */
async function expectVisibleFocus(page: Page) {
  const ring = await page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return 'nothing focused';
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    return outline || style.boxShadow !== 'none' ? 'visible' : `no ring on ${element.tagName}`;
  });
  expect(ring).toBe('visible');
}

test('timeline event, contact and interaction, hours, and an opportunity moved on, all by keyboard', async ({ page }) => {
  await open(page);
  // The skip link comes first and moves to the content.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await expectVisibleFocus(page);
  await page.getByRole('button', { name: 'Start' }).focus();
  await page.keyboard.press('Enter');

  // 1. A timeline event in the debrief.
  await go(page, 'Debrief', 'Step 1: Debrief with yourself');
  await page.getByRole('button', { name: 'Add an event' }).focus();
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  // Focus moves into the new event's first field (a frame later).
  await expect(page.getByRole('button', { name: 'Add an event' })).not.toBeFocused();
  await page.keyboard.type('The shop lost its biggest client');
  await expectVisibleFocus(page);
  await expect(page.getByRole('status').first()).toHaveText('Saved on this device');

  // 2. A contact, then an interaction logged with Tab and Enter.
  await go(page, 'Share', 'Step 2: Share it');
  await page.getByRole('region', { name: 'Add someone' }).getByLabel('Name').focus();
  await page.keyboard.type('Rosa Kim');
  await page.keyboard.press('Enter');
  const rosa = page.getByRole('group', { name: 'Details for Rosa Kim' });
  await expect(rosa).toBeVisible();
  await rosa.getByLabel('What we talked about').focus();
  await page.keyboard.type('Told her my news; she knows the ops team at Globex');
  await page.keyboard.press('Enter');
  await expect(rosa.getByRole('list', { name: 'Interaction log' }).getByRole('listitem')).toHaveCount(1);
  await expect(rosa.getByLabel('Status')).toHaveValue('messaged');

  // 3. Side-project hours.
  await go(page, 'Mojo', 'Step 3: Regain your mojo');
  await page.getByLabel('A new side project').focus();
  await page.keyboard.type('Ops course');
  await page.keyboard.press('Enter');
  // The app moves the focus to the new project's name a frame later: moved
  // on before that, the hours typed next landed half in the name (a CI run
  // saw "Ops course.5" and 2 h).
  await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('Ops course');
  await page.getByLabel('Hours', { exact: true }).focus();
  await page.keyboard.type('2.5');
  await page.keyboard.press('Enter');
  await expect(page.getByText('2.5 h of 20 h this week')).toBeVisible();

  // 4. An opportunity added and moved to the next stage.
  await go(page, 'Next move', 'Step 4: Make your next move');
  const board = page.getByRole('region', { name: 'Opportunities' });
  await board.getByLabel('Company', { exact: true }).focus();
  await page.keyboard.type('Globex');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Operations lead');
  await page.keyboard.press('Enter');
  await expect(board.getByRole('region', { name: /^Ideas/ })).toContainText('Operations lead at Globex');
  await expect(board.getByLabel('Company', { exact: true })).toBeFocused();
  await board.getByRole('button', { name: 'Move “Operations lead at Globex” to Applied' }).focus();
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(board.getByRole('region', { name: /^Applied/ })).toContainText('Operations lead at Globex');
  await expect(board.getByRole('button', { name: 'Move “Operations lead at Globex” to Screening' })).toBeFocused();
  await expectVisibleFocus(page);

  // All of it was saved.
  await expect(page.getByRole('status').first()).toHaveText('Saved on this device');
  await page.reload();
  const saved = await held(page);
  expect(saved.debrief.timeline[0].what).toBe('The shop lost its biggest client');
  expect(saved.outreach.contacts[0].interactions).toHaveLength(1);
  expect(saved.mojo.entries[0].hours).toBe(2.5);
  expect(saved.plan.opportunities.list[0].stage).toBe('applied');
});
