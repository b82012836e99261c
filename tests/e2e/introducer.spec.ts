// A contact's "Introduced by": found by typing a few letters of a name, chosen
// by keyboard, kept across a reload, cleared again. With 5,000 contacts the
// card opens without a list of every name in it.
import { test, expect, open } from './fixtures';
import { generateWorkbookText, LARGE } from './data/generate';

test('who introduced a contact is chosen by typing a name, kept, and cleared', async ({ page }) => {
  await open(page, '#/share');
  const add = page.getByRole('region', { name: 'Add someone' });
  for (const name of ['Ana Lopez', 'Anand Rao', 'Bilal Haddad']) {
    await add.getByLabel('Name').fill(name);
    await add.getByRole('button', { name: 'Add to my list' }).click();
    await expect(add.getByText(`${name} is on your list.`)).toBeVisible();
  }
  // The last one added is open.
  const bilal = page.getByRole('group', { name: 'Details for Bilal Haddad' });
  await expect(bilal.getByText('No one yet.')).toBeVisible();
  const search = bilal.getByLabel('Introduced by');
  await search.focus();
  await page.keyboard.type('ana');
  const matches = bilal.getByRole('list', { name: 'People matching that name' });
  await expect(matches.getByRole('button')).toHaveText(['Choose Ana Lopez', 'Choose Anand Rao']);
  await page.keyboard.type(' lo');
  await expect(matches.getByRole('button')).toHaveText(['Choose Ana Lopez']);
  await page.keyboard.press('Tab');
  await expect(matches.getByRole('button', { name: 'Choose Ana Lopez' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(bilal.getByText('Ana Lopez.')).toBeVisible();
  await expect(search).toHaveValue('');
  await expect(page.getByRole('status').first()).toHaveText('Saved on this device');

  await page.reload();
  await page.getByRole('region', { name: 'Your outreach list' }).getByRole('button', { name: 'Bilal Haddad', exact: true }).click();
  await expect(bilal.getByText('Ana Lopez.')).toBeVisible();
  await bilal.getByRole('button', { name: 'No one', exact: true }).click();
  await expect(bilal.getByText('No one yet.')).toBeVisible();
});

test('with 5,000 contacts a contact card opens without a list of every name', async ({ page }) => {
  await page.goto('./manifest.webmanifest');
  await page.evaluate((text) => window.localStorage.setItem('comeback.workbook', text), generateWorkbookText(LARGE));
  await open(page, '#/share');
  const outreach = page.getByRole('region', { name: 'Your outreach list' });
  await expect(outreach.getByText(`${LARGE.contacts} people.`)).toBeVisible();
  await outreach.getByRole('listitem').first().getByRole('button').first().click();
  const card = outreach.getByRole('group', { name: /^Details for / });
  await expect(card.getByLabel('Introduced by')).toBeVisible();
  expect(await card.getByRole('option').count()).toBeLessThan(50);
});
