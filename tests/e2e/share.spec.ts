// Step 2, Share: import LinkedIn connections through the file picker, see the
// preview, accept; a weak tie in a target company comes first; logging an
// interaction moves the follow-up; everything is kept across a reload; and a
// `javascript:` profile address never becomes a link.
import * as path from 'node:path';
import { test, expect, open, goTo, downloadedText } from './fixtures';

const fixture = (name: string) => path.join(__dirname, '..', 'fixtures', name);

/** A local date as a date field holds it (YYYY-MM-DD). */
function isoDay(offsetDays: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A local date as the app writes it in sentences ("14 December 2026"). */
function longDay(offsetDays: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return `${d.getDate()} ${d.toLocaleString('en-GB', { month: 'long' })} ${d.getFullYear()}`;
}

test('import connections, put a weak tie in a target company first, follow up, and keep it all', async ({ page }) => {
  await open(page, '#/share');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Step 2: Share it');
  const outreach = page.getByRole('region', { name: 'Your outreach list' });
  await expect(outreach.getByText(/No one here yet/)).toBeVisible();

  // Import through the file picker: nothing is written before the preview is accepted.
  const importer = page.getByRole('region', { name: 'Import and export' });
  await importer.getByLabel('Import LinkedIn Connections.csv or a contacts file (.vcf)').setInputFiles(fixture('Connections.csv'));
  const preview = importer.getByRole('group', { name: 'Before anything is added' });
  await expect(preview).toContainText('5 new, 0 already on your list with something new, 2 skipped.');
  await expect(preview.getByRole('listitem')).toHaveText([
    'Ana Lopez', 'Bilal Haddad', 'Chloé Dubois', 'Zoë Martin', 'Dev Patel',
    'Row 9 (Hooli): it has no name', 'Ana Lopez: it appears twice in the file',
  ]);
  await expect(outreach.getByRole('listitem')).toHaveCount(0);
  await preview.getByRole('button', { name: 'Add 5 contacts' }).click();
  await expect(preview).toHaveCount(0);
  await expect(importer.getByText('Added 5 contacts.')).toBeVisible();

  // Importing the same file again adds no one twice.
  await importer.getByLabel('Import LinkedIn Connections.csv or a contacts file (.vcf)').setInputFiles(fixture('Connections.csv'));
  await expect(preview).toContainText('0 new, 0 already on your list with something new, 7 skipped.');
  await preview.getByRole('button', { name: 'Cancel' }).click();
  await expect(importer.getByText('Import cancelled. Nothing was changed.')).toBeVisible();

  // Imported people are rare ties (weak ties, put first), by name until something sets them apart.
  const rows = outreach.getByRole('listitem');
  await expect(rows).toHaveCount(5);
  await expect(rows.first()).toContainText('Ana Lopez — LinkedIn connection since 15 March 2024');
  await expect(rows.first()).toContainText('Rare tie (weak)');
  await expect(rows.nth(1)).toContainText('Product Designer at Globex, Inc.');

  // Search narrows the list.
  await outreach.getByLabel('Search your list').fill('globex');
  await expect(rows).toHaveCount(1);
  await expect(outreach.getByText('1 of 5 people match.')).toBeVisible();
  await outreach.getByLabel('Search your list').fill('');
  await expect(rows).toHaveCount(5);

  // Zoë's profile address is `javascript:`: it stays text.
  await outreach.getByRole('button', { name: 'Zoë Martin' }).click();
  const zoe = outreach.getByRole('group', { name: 'Details for Zoë Martin' });
  await expect(zoe.getByLabel('Profile URL')).toHaveValue('javascript:alert(1)');
  await expect(zoe.getByText(/stays plain text/)).toBeVisible();
  await expect(page.locator('a[href^="javascript" i]')).toHaveCount(0);
  await expect(zoe.getByRole('link', { name: /profile/ })).toHaveCount(0);

  // Marked as working where I want to be: a weak tie in a target company comes first.
  await zoe.getByRole('checkbox', { name: 'Works in a job or company I am targeting' }).check();
  await expect(rows.first()).toContainText('Zoë Martin');
  await expect(rows.first()).toContainText('Target job');
  await expect(rows.first()).toContainText('Rare tie (weak)');

  // A message three weeks ago: the follow-up is due.
  const due = page.getByRole('region', { name: 'Follow up today and this week' });
  await expect(due.getByText(/No follow-ups due this week/)).toBeVisible();
  await zoe.getByLabel('Date', { exact: true }).fill(isoDay(-21));
  await zoe.getByLabel('How', { exact: true }).selectOption({ label: 'Message (LinkedIn, text, chat)' });
  await zoe.getByLabel('What we talked about').fill('Said I am looking; asked about the platform team');
  await zoe.getByRole('button', { name: 'Log interaction' }).click();
  await expect(zoe.getByText(`Follow-up due since ${longDay(-7)}, whenever you are ready.`)).toBeVisible();
  await expect(zoe.getByLabel('Status')).toHaveValue('messaged');
  await expect(due.getByRole('list', { name: 'Follow up today' })).toContainText('Zoë Martin');
  // The due row follows a new name where it stands (rows are keyed by the contact).
  await zoe.getByLabel('Name', { exact: true }).fill('Zoë Martin-Roy');
  await expect(due.getByRole('list', { name: 'Follow up today' }).getByRole('listitem')).toHaveText([/^Zoë Martin-Roy — \d+ \w+ \d{4}$/]);
  await zoe.getByLabel('Name', { exact: true }).fill('Zoë Martin');
  await expect(due.getByRole('list', { name: 'Follow up today' })).not.toContainText('Martin-Roy');

  // A call today restarts the clock: the follow-up moves two weeks out and leaves the due list.
  await zoe.getByLabel('Date', { exact: true }).fill(isoDay(0));
  await zoe.getByLabel('How', { exact: true }).selectOption({ label: 'Phone call' });
  await zoe.getByLabel('What we talked about').fill('She will introduce me to the hiring manager');
  await zoe.getByRole('button', { name: 'Log interaction' }).click();
  await expect(zoe.getByText(`Next follow-up: ${longDay(14)}.`)).toBeVisible();
  await expect(due.getByText(/No follow-ups due this week/)).toBeVisible();
  await expect(zoe.getByRole('list', { name: 'Interaction log' }).getByRole('listitem')).toHaveCount(2);
  await zoe.getByLabel('Status').selectOption({ label: 'Introduction asked' });
  await expect(rows.first()).toContainText('Zoë Martin');

  // Someone added by hand.
  const add = page.getByRole('region', { name: 'Add someone' });
  await add.getByLabel('Name').fill('Sam Lee');
  await add.getByLabel('How we know each other').fill('Old colleague');
  await add.getByLabel('How often we see each other').selectOption({ label: 'Several times a week or more' });
  await add.getByRole('button', { name: 'Add to my list' }).click();
  await expect(add.getByText('Sam Lee is on your list.')).toBeVisible();
  // Ready for the next person: the form is empty and Name has the focus.
  await expect(add.getByLabel('Name')).toBeFocused();
  await expect(add.getByLabel('Name')).toHaveValue('');
  await expect(rows.filter({ hasText: 'Sam Lee' })).toContainText('Close tie');
  await expect(page.getByRole('status').first()).toHaveText('Saved on this device');

  // Export as CSV: formula-like values would be escaped; the people are there.
  const [download] = await Promise.all([page.waitForEvent('download'), importer.getByRole('button', { name: 'Download contacts as CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('comeback-contacts.csv');
  const csv = await downloadedText(download);
  expect(csv.split('\r\n')[0]).toContain('Name,How we know each other');
  expect(csv).toContain('Zoë Martin');

  // Everything is kept after a reload.
  await page.reload();
  await expect(rows).toHaveCount(6);
  await expect(rows.first()).toContainText('Zoë Martin');
  await expect(rows.first()).toContainText('Introduction asked');
  await expect(rows.first()).toContainText(`Follow up on`);
  await outreach.getByRole('button', { name: 'Zoë Martin' }).click();
  await expect(zoe.getByText(`Next follow-up: ${longDay(14)}.`)).toBeVisible();
  await expect(zoe.getByRole('checkbox', { name: 'Works in a job or company I am targeting' })).toBeChecked();
  await expect(zoe.getByRole('list', { name: 'Interaction log' }).getByRole('listitem')).toHaveCount(2);
  await expect(zoe.getByRole('list', { name: 'Interaction log' })).toContainText('She will introduce me to the hiring manager');
  await expect(page.locator('a[href^="javascript" i]')).toHaveCount(0);
  await expect(zoe.getByRole('link', { name: /profile/ })).toHaveCount(0);
});

test('a file that is not a contacts export changes nothing', async ({ page }) => {
  await open(page, '#/share');
  const importer = page.getByRole('region', { name: 'Import and export' });
  await importer.getByLabel('Import LinkedIn Connections.csv or a contacts file (.vcf)').setInputFiles({
    name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.from('name,phone\nAna,123\n'),
  });
  await expect(importer.getByRole('alert')).toContainText('This does not look like LinkedIn');
  await expect(importer.getByRole('alert')).toContainText('Nothing was changed.');
  await expect(page.getByRole('region', { name: 'Your outreach list' }).getByRole('listitem')).toHaveCount(0);

  // A vCard file: readable cards are previewed, unreadable ones named.
  await importer.getByLabel('Import LinkedIn Connections.csv or a contacts file (.vcf)').setInputFiles(fixture('contacts.vcf'));
  const preview = importer.getByRole('group', { name: 'Before anything is added' });
  await expect(preview).toContainText('3 new, 0 already on your list with something new, 2 skipped.');
  await expect(preview).toContainText('Card 4 (nobody@example.com): it has no name');
  await preview.getByRole('button', { name: 'Add 3 contacts' }).click();
  const amina = page.getByRole('region', { name: 'Your outreach list' });
  await amina.getByRole('button', { name: 'Amina Okafor' }).click();
  await expect(amina.getByRole('link', { name: "Open Amina Okafor's profile" })).toHaveAttribute('href', 'https://www.linkedin.com/in/amina-okafor');
  await expect(amina.getByRole('link', { name: 'Write to Amina Okafor' })).toHaveAttribute('href', 'mailto:amina@northwind.example');
});

test('5,000 connections are paged twenty at a time and filter at once', async ({ page }) => {
  await open(page, '#/share');
  const lines = ['Notes:', '"Exported from LinkedIn"', '', 'First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
  for (let n = 0; n < 5000; n += 1) {
    lines.push(`Person,${String(n).padStart(4, '0')},https://www.linkedin.com/in/p${n},,Company ${n % 100},Engineer,1 Jan 2020`);
  }
  const importer = page.getByRole('region', { name: 'Import and export' });
  await importer.getByLabel('Import LinkedIn Connections.csv or a contacts file (.vcf)').setInputFiles({
    name: 'Connections.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n')),
  });
  await importer.getByRole('button', { name: 'Add 5000 contacts' }).click();
  const outreach = page.getByRole('region', { name: 'Your outreach list' });
  await expect(outreach.getByText('5000 people.')).toBeVisible();
  await expect(outreach.getByRole('listitem')).toHaveCount(20);
  await outreach.getByRole('button', { name: 'Show more (4980 not shown yet)' }).click();
  await expect(outreach.getByRole('listitem')).toHaveCount(40);
  await outreach.getByLabel('Search your list').fill('4242');
  await expect(outreach.getByText('1 of 5000 people match.')).toBeVisible();
  await expect(outreach.getByRole('listitem')).toHaveText([/^Person 4242 — LinkedIn connection since 1 January 2020/]);
  await expect(outreach.getByRole('button', { name: /Show more/ })).toHaveCount(0);
  await expect(page.getByRole('status').first()).toHaveText('Saved on this device');
});

test('a limit on the grieving, the announcement, and a message to one person', async ({ page }) => {
  await open(page, '#/share');
  // Granovetter's groups as he reported them (issue 18): most leads came from people seen now and then.
  await expect(page.getByRole('heading', { name: 'Why acquaintances matter most' })).toBeVisible();
  await expect(page.getByText(/16\.7% saw that person often .* 55\.6% occasionally .* 27\.8% rarely/)).toBeVisible();
  const timeBox = page.getByRole('region', { name: 'Give the grieving a limit' });
  await expect(timeBox).toContainText('Choose a day to start telling people.');
  await timeBox.getByLabel('Start sharing by').fill(isoDay(7));
  await expect(timeBox).toContainText('7 days left to rest before you start sharing.');
  await timeBox.getByLabel('Start sharing by').fill(isoDay(-2));
  await expect(timeBox).toContainText('The day you chose has passed. That is all right');

  const announce = page.getByRole('region', { name: 'Tell your network' });
  await expect(announce.getByLabel('Your post')).toHaveValue(/\[what you moved on from\]/);
  await announce.getByLabel('What I moved on from').fill('six years at Acme');
  await announce.getByLabel('What I am pursuing now').fill('a product design role in health tech');
  await announce.getByLabel('How people can help').fill('an introduction to design leads');
  await expect(announce.getByLabel('Your post')).toHaveValue(/I have moved on from six years at Acme\. I am now pursuing a product design role in health tech\./);
  await announce.getByLabel('Style').selectOption({ label: 'Short' });
  await expect(announce.getByLabel('Your post')).toHaveValue('I have moved on from six years at Acme and am now pursuing a product design role in health tech. I would welcome an introduction to design leads.');
  await announce.getByLabel('Posted on').fill('LinkedIn');
  await announce.getByRole('button', { name: 'Record this post' }).click();
  await expect(announce.getByRole('list', { name: 'Where I posted it' }).getByRole('listitem')).toHaveCount(1);
  await expect(announce.getByRole('list', { name: 'Where I posted it' })).toContainText('LinkedIn');

  // A message to one person, filled from the contact and the announcement.
  const add = page.getByRole('region', { name: 'Add someone' });
  await add.getByLabel('Name').fill('Bilal Haddad');
  await add.getByLabel('Company', { exact: true }).fill('Globex');
  await add.getByRole('button', { name: 'Add to my list' }).click();
  const bilal = page.getByRole('region', { name: 'Your outreach list' }).getByRole('group', { name: 'Details for Bilal Haddad' });
  await bilal.getByLabel('Email', { exact: true }).fill('bilal@example.com');
  await bilal.getByLabel('Message', { exact: true }).selectOption({ label: 'Ask for an introduction' });
  await expect(bilal.getByLabel('Message text, to copy and adjust')).toHaveValue(/^Hi Bilal,\n\nI am now looking for a product design role in health tech\. Is there someone at Globex/);
  await expect(bilal.getByRole('link', { name: 'Open this message to Bilal Haddad in my email app' })).toHaveAttribute('href', /^mailto:bilal@example\.com\?subject=A%20small%20favour&body=Hi%20Bilal%2C/);
  await expect(page.getByRole('status').first()).toHaveText('Saved on this device');

  await page.reload();
  await expect(timeBox).toContainText('The day you chose has passed.');
  await expect(announce.getByLabel('What I am pursuing now')).toHaveValue('a product design role in health tech');
  await expect(announce.getByRole('list', { name: 'Where I posted it' })).toContainText('LinkedIn');
});

test.describe('with the clipboard allowed', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('the announcement takes words from the debrief and the targets, and copies to the clipboard', async ({ page }) => {
    await open(page, '#/debrief');
    await page.getByRole('radio', { name: 'My business or freelance work failed' }).check();
    await goTo(page, '#/next');
    const targets = page.getByRole('region', { name: 'Targets' });
    await targets.getByLabel('Add a target role').fill('operations manager');
    await targets.getByLabel('Add a target role').press('Enter');
    await targets.getByLabel('Add a target company').fill('Fresh Route');
    await targets.getByLabel('Add a target company').press('Enter');

    await page.goto('./#/share');
    const announce = page.getByRole('region', { name: 'Tell your network' });
    await expect(announce.getByLabel('What I moved on from')).toHaveAttribute('placeholder', 'my business');
    await expect(announce.getByLabel('Your post')).toHaveValue(
      /^Some news: I have moved on from my business\. I am now pursuing a role as operations manager, ideally at Fresh Route\./,
    );
    // Words typed by the person win over the suggestion.
    await announce.getByLabel('What I moved on from').fill('my bakery');
    await expect(announce.getByLabel('Your post')).toHaveValue(/^Some news: I have moved on from my bakery\./);

    await announce.getByRole('button', { name: 'Copy the post' }).click();
    await expect(announce.getByText('Copied.')).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await announce.getByLabel('Your post').inputValue());
    await announce.getByRole('button', { name: 'Copy the note' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^Hi,\n\nI wanted you to hear it from me: I have moved on from my bakery\./);
  });
});
