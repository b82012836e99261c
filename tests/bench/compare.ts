// Two builds measured turn about, round by round, with the benchmark's data
// set and timing (tools/compare): on a noisy machine a change is judged
// against its base measured in the same minutes, not against a report from
// another hour. Prints p50 and p95 of each interaction per build, pooled
// over the rounds, and each round's p50 so the spread shows.
import { test, type Browser } from '@playwright/test';
import { appURL } from '../e2e/browser';
import { generateWorkbookText, LARGE } from '../e2e/data/generate';
import { sites } from './compare.config';
import { newPage, stats, timed, timedAndShown, untilQuiet } from './timing';

const rounds = Number(process.env.COMPARE_ROUNDS ?? 3);
type Sample = { work: number; next_frame: number };

/** One round on one build: the benchmark's interactions with the large data set. */
async function round(browser: Browser, baseURL: string, text: string): Promise<Record<string, number[]>> {
  const { context, page } = await newPage(browser, 'block', baseURL);
  await page.goto('./manifest.webmanifest');
  // The key every build reads (later builds adopt it into their own layout).
  await page.evaluate((t) => { window.localStorage.clear(); window.localStorage.setItem('comeback.workbook', t); }, text);
  await page.goto('./#/share');
  const outreach = page.getByRole('region', { name: 'Your outreach list' });
  await outreach.getByText(`${LARGE.contacts} people.`).waitFor({ timeout: 120_000 });
  await page.waitForTimeout(3000); // a first visit's storage move, if any, is done
  await untilQuiet(page);
  const out: Record<string, Sample[]> = { filter_keystroke: [], filter_shown: [], add_contact: [], log_hours: [], switch_route: [] };

  await outreach.getByLabel('Search your list').focus();
  const list = 'section[aria-labelledby="outreach-list"]';
  const press = async (key: string) => {
    const sample = await timedAndShown(page, 'keydown', 'input', list, () => page.keyboard.press(key));
    out.filter_keystroke.push(sample);
    // Until the list is painted, reported as `work` for the printout.
    if (sample.shown !== null) out.filter_shown.push({ work: sample.shown, next_frame: sample.shown });
  };
  for (const word of ['acme', 'engineer', 'ana 12', 'zz']) {
    for (const key of [...word]) await press(key === ' ' ? 'Space' : key);
    for (let i = 0; i < word.length; i++) await press('Backspace');
  }
  const add = page.getByRole('region', { name: 'Add someone' });
  for (let i = 0; i < 8; i++) {
    await add.getByLabel('Name', { exact: true }).fill(`Compare Person ${i}`);
    out.add_contact.push(await timed(page, 'click', 'submit', () => add.getByRole('button', { name: 'Add to my list' }).click()));
    await add.getByText(`Compare Person ${i} is on your list.`).waitFor();
  }
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Mojo' }).click();
  const logButton = page.getByRole('region', { name: 'Log your time' }).getByRole('button', { name: /^Log 1 h today on / });
  await logButton.waitFor({ timeout: 60_000 });
  for (let i = 0; i < 8; i++) out.log_hours.push(await timed(page, 'click', 'click', () => logButton.click()));
  for (const name of ['Today', 'Debrief', 'Share', 'Mojo', 'Next move', 'Backup']) {
    const sample = await timed(page, 'click', 'hashchange', () => nav.getByRole('link', { name, exact: true }).click());
    out.switch_route.push(sample);
    (out[`  to ${name}`] ??= []).push(sample);
    await page.getByRole('heading', { level: 1 }).waitFor();
  }
  await context.close();
  return Object.fromEntries(Object.entries(out).map(([name, samples]) => [name, samples.map((s) => s.work)]));
}

test('compare', async ({ browser }) => {
  if (sites.length < 2) throw new Error('COMPARE_SITES needs two builds: name=folder,name=folder');
  const text = generateWorkbookText(LARGE);
  const pooled: Record<string, Record<string, number[]>> = {};
  const perRound: Record<string, Record<string, number[]>> = {};
  for (let r = 0; r < rounds; r++) {
    // Turn about, and the other way round every second round.
    const order = r % 2 === 0 ? sites : [...sites].reverse();
    for (const site of order) {
      const result = await round(browser, appURL(site.port), text);
      for (const [name, values] of Object.entries(result)) {
        ((pooled[site.name] ??= {})[name] ??= []).push(...values);
        ((perRound[site.name] ??= {})[name] ??= []).push(stats(values).p50);
      }
    }
  }
  console.log(`\nwork ms, 4× throttle, ${rounds} rounds turn about (p50 / p95 pooled; each round's p50)`);
  for (const name of Object.keys(pooled[sites[0].name])) {
    for (const site of sites) {
      const all = stats(pooled[site.name][name]);
      console.log(`${name.padEnd(18)} ${site.name.padEnd(10)} ${String(all.p50).padStart(7)} / ${String(all.p95).padStart(7)}   rounds: ${perRound[site.name][name].join(', ')}`);
    }
  }
});
