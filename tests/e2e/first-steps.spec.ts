// First steps after the blow: the checklist, the survival budget and its
// runway (the same figures in the Next move step), and the 30/60/90-day plan.
import { test, expect, open } from './fixtures';

test('checklist, budget, runway and horizons are kept across a reload', async ({ page }) => {
  await open(page);
  await page.getByRole('link', { name: 'Checklist and survival budget' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('First steps after the blow');
  await expect(page).toHaveTitle('First steps · Comeback');

  // The starting checklist, ticked and edited.
  const checklist = page.getByRole('region', { name: "This week's checklist" });
  await expect(checklist.getByRole('checkbox')).toHaveCount(9);
  await checklist.getByRole('checkbox', { name: 'Apply for unemployment benefits, where they exist' }).check();
  await expect(checklist.getByText(/Done on \d+ \w+ \d{4}\./)).toBeVisible();
  await checklist.getByText('Edit “Tell the people at home”').click();
  const editor = checklist.getByRole('group').filter({ hasText: 'Edit “Tell the people at home”' });
  await editor.getByLabel('Do it by').fill('2030-01-15');
  await editor.getByLabel('Item', { exact: true }).fill('Tell my partner and the kids');
  await expect(checklist.getByRole('checkbox', { name: 'Tell my partner and the kids' })).toBeVisible();
  await checklist.getByLabel('Add something to the checklist').fill('Return the work laptop');
  await checklist.getByRole('button', { name: 'Add' }).click();
  await expect(checklist.getByRole('checkbox', { name: 'Return the work laptop' })).toBeFocused();
  await checklist.getByText('Edit “Book your debrief”').click();
  await checklist.getByRole('button', { name: 'Remove “Book your debrief” from the checklist' }).click();
  await expect(checklist.getByRole('checkbox')).toHaveCount(9);

  // The survival budget.
  const budget = page.getByRole('region', { name: 'Survival budget' });
  await budget.getByLabel('Savings and other cash').fill('9000');
  const addLine = async (button: string, label: string, name: string, amountLabel: string, amount: string) => {
    await budget.getByRole('button', { name: button }).click();
    await expect(budget.getByLabel(label, { exact: true })).toBeFocused();
    await page.keyboard.type(name);
    await budget.getByLabel(amountLabel, { exact: true }).fill(amount);
  };
  await addLine('Add a line: money still coming in each month', 'Income 1', 'Benefits', 'Per month, income 1', '1000');
  await addLine('Add a line: essential monthly costs', 'Essential cost 1', 'Rent', 'Per month, essential cost 1', '1,800');
  await addLine('Add a line: essential monthly costs', 'Essential cost 2', 'Food', 'Per month, essential cost 2', '700.00');
  await addLine('Add a line: costs you could pause', 'Optional cost 1', 'Gym and streaming', 'Per month, optional cost 1', '500');

  const runway = budget.getByRole('region', { name: 'Your runway' });
  await expect(runway).toContainText('Essentials only: 6 months, until about');
  await expect(runway).toContainText('Keeping everything: 4.5 months, until about');
  const before = await runway.innerText();

  // Changing a number changes the runway and its date at once.
  await budget.getByLabel('Savings and other cash').fill('4500');
  await expect(runway).toContainText('Essentials only: 3 months');
  await expect(runway).toContainText('Keeping everything: 2.2 months');
  expect(await runway.innerText()).not.toBe(before);
  await budget.getByLabel('Per month, income 1', { exact: true }).fill('3500');
  await expect(runway).toContainText('Essentials only: your income covers it');
  await budget.getByLabel('Per month, income 1', { exact: true }).fill('1000');
  await budget.getByLabel('Savings and other cash').fill('12x');
  await expect(budget.getByText('Use digits, like 1250.50.')).toBeVisible();
  await expect(runway).toContainText('Essentials only: 3 months');

  // The same runway in the Next move step.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Next move' }).click();
  const check = page.getByRole('region', { name: 'Runway check' });
  await expect(check).toContainText('Essentials only: 3 months');
  await expect(check).toContainText('Keeping everything: 2.2 months');

  // An action moved between horizons gets a due date in that horizon.
  const plan = page.getByRole('region', { name: 'My action plan' });
  await plan.getByLabel('Add an action').fill('Call the benefits office');
  await plan.getByLabel('Add an action').press('Enter');
  await expect(plan.getByRole('region', { name: 'Someday' })).toContainText('Call the benefits office');
  await plan.getByLabel('Move “Call the benefits office” to').selectOption({ label: 'Within 60 days' });
  await expect(plan.getByRole('region', { name: 'Within 60 days' })).toContainText('Call the benefits office');
  await expect(plan.getByRole('region', { name: 'Someday' })).toHaveCount(0);
  await expect(plan.getByLabel('Due date for “Call the benefits office”')).not.toHaveValue('');
  await expect(plan.getByLabel('Move “Call the benefits office” to')).toBeFocused();
  await plan.getByLabel('Move “Call the benefits office” to').selectOption({ label: 'This week' });
  await expect(plan.getByRole('region', { name: 'This week' })).toContainText('Call the benefits office');
  await expect(page.getByRole('status').first()).toHaveText('Saved on this device');

  // Everything is still there after a reload.
  await page.reload();
  await expect(plan.getByRole('region', { name: 'This week' })).toContainText('Call the benefits office');
  await expect(check).toContainText('Essentials only: 3 months');
  await page.goto('./#/first-steps');
  await expect(checklist.getByRole('checkbox', { name: 'Apply for unemployment benefits, where they exist' })).toBeChecked();
  await expect(checklist.getByRole('checkbox', { name: 'Tell my partner and the kids' })).toBeVisible();
  await expect(checklist.getByText('By 15 January 2030.')).toBeVisible();
  await expect(checklist.getByRole('checkbox', { name: 'Return the work laptop' })).toBeVisible();
  await expect(checklist.getByRole('checkbox', { name: 'Book your debrief' })).toHaveCount(0);
  await expect(checklist.getByRole('checkbox')).toHaveCount(9);
  await expect(budget.getByLabel('Savings and other cash')).toHaveValue('4500.00');
  await expect(budget.getByLabel('Essential cost 2', { exact: true })).toHaveValue('Food');
  await expect(budget.getByLabel('Per month, essential cost 1', { exact: true })).toHaveValue('1800.00');
});
