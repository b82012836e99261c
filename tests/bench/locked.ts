// The workbook locked on this device (issue 23), with the large data set:
// how long turning the lock on takes, how long an unlock takes (PBKDF2's
// 600,000 rounds, then reading and opening every sealed key), and how long
// a save takes when every value is sealed as it is written. Called by
// measure.ts (tools/bench); locked-alone.ts runs it on its own.
import type { Browser } from '@playwright/test';
import { generateWorkbookText, LARGE } from '../e2e/data/generate';
import { newPage, SAVE_EDITS, saveTimes, stats } from './timing';

const WORKBOOK_KEY = 'comeback@/comeback/.workbook';
const PASSPHRASE = 'a sentence only I would think of';
const UNLOCK_RUNS = 3;

/** Times the lock with the large data; a save's goal is `saveGoal` (the plain goal plus 5 ms). */
export async function measureLocked(browser: Browser, base: string, saveGoal: number) {
  const { context, page } = await newPage(browser, 'block', base);
  await page.goto('./manifest.webmanifest');
  await page.evaluate(([key, t]) => { localStorage.clear(); localStorage.setItem(key, t); }, [WORKBOOK_KEY, generateWorkbookText(LARGE)]);
  await page.goto('./#/backup');
  const card = page.getByRole('region', { name: 'Lock this workbook on this device' });
  await card.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE, { timeout: 180_000 });
  await card.getByLabel('The same passphrase again').fill(PASSPHRASE);
  const lockStart = Date.now();
  await card.getByRole('button', { name: 'Lock my workbook' }).click();
  await card.getByRole('button', { name: 'Lock now' }).waitFor({ timeout: 120_000 });
  const turnOn = Date.now() - lockStart;
  const sealed = await page.evaluate(() => Object.values(localStorage).filter((value) => value.startsWith('lk1:')).length);

  // Unlock: the click on "Unlock" to the page's own heading on screen.
  const unlock: number[] = [];
  for (let i = 0; i < UNLOCK_RUNS; i++) {
    await page.goto('./#/debrief');
    await page.reload();
    await page.getByLabel('Passphrase').fill(PASSPHRASE, { timeout: 180_000 });
    await page.evaluate(() => {
      const w = window as any;
      w.__unlocked = new Promise<number>((resolve) => {
        let start = 0;
        window.addEventListener('click', (event) => (start = event.timeStamp), { capture: true, once: true });
        const observer = new MutationObserver(() => {
          const heading = document.querySelector('h1');
          if (start && heading && heading.textContent !== 'Your workbook is locked') {
            observer.disconnect();
            resolve(performance.now() - start);
          }
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      });
    });
    await page.getByRole('button', { name: 'Unlock' }).click();
    unlock.push(await page.evaluate(() => (window as any).__unlocked as Promise<number>));
  }

  const saves: Record<string, unknown> = {};
  for (const edit of SAVE_EDITS) {
    await page.goto(`./${edit.route}`);
    await page.getByRole('heading', { level: 1 }).waitFor({ timeout: 60_000 });
    saves[`${edit.part}_edit`] = await saveTimes(page, edit, WORKBOOK_KEY, saveGoal);
  }
  await context.close();
  return {
    measured_as: 'the large data set locked from the Backup page; unlock: click on Unlock to the page heading (PBKDF2-SHA-256 600,000 rounds, then every sealed key read and opened); saves as in save_with_large_data, each value sealed (AES-256-GCM in the wasm) as it is written',
    sealed_keys: sealed,
    turn_on_ms: turnOn,
    unlock_ms: stats(unlock),
    save: saves,
    save_goal_p95_ms: saveGoal,
  };
}
