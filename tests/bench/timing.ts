// How the benchmark times things, shared by tools/bench (measure.ts) and
// tools/compare (compare.ts): percentiles, the in-page timing helpers and a
// page slowed 4× the way the budgets are stated.
import type { Browser, BrowserContext, Page } from '@playwright/test';

export const CPU_THROTTLING = 4;

export type Stats = { samples: number; p50: number; p95: number; max: number };

/** Nearest-rank percentiles, in ms with one decimal. */
export function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  const round = (n: number) => Math.round(n * 10) / 10;
  return { samples: sorted.length, p50: round(rank(50)), p95: round(rank(95)), max: round(sorted[sorted.length - 1]) };
}

/**
 * In-page helpers. `arm(start, end)` times one interaction: from the
 * `start` event's timestamp (the moment the browser received the input) to
 *  - `work_ms`: the end of the task that handled the `end` event, its
 *    microtasks (where Leptos updates the DOM) and a forced style and
 *    layout: the main-thread work the interaction costs;
 *  - `next_frame_ms`: the first frame after that, i.e. input to next paint,
 *    which also includes waiting for the display's next frame (up to 16.7 ms).
 */
function installHelpers() {
  const w = window as any;
  w.__bench = {
    arm(startType: string, endType: string) {
      let start: number | null = null;
      w.__bench.result = new Promise((resolve) => {
        const onStart = (event: Event) => {
          if (start === null) start = event.timeStamp;
        };
        const onEnd = () => {
          window.removeEventListener(startType, onStart, true);
          window.removeEventListener(endType, onEnd, true);
          let work = 0;
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            void document.body.getBoundingClientRect();
            work = performance.now() - (start ?? 0);
          };
          channel.port2.postMessage(null);
          requestAnimationFrame(() => {
            const after = new MessageChannel();
            after.port1.onmessage = () => resolve({ work, next_frame: performance.now() - (start ?? 0) });
            after.port2.postMessage(null);
          });
        };
        window.addEventListener(startType, onStart, true);
        window.addEventListener(endType, onEnd, true);
      });
    },
  };
  /**
   * `armShown(start, selector)` times what an interaction shows, where the app
   * updates part of a page after the input was answered (the outreach list
   * follows a search a frame later): from the `start` event to the frame
   * that painted the last change inside `selector`, within `window_ms`;
   * `null` when nothing there changed.
   */
  w.__bench.armShown = (startType: string, selector: string, windowMs = 600) => {
    let start: number | null = null;
    let painted: number | null = null;
    const onStart = (event: Event) => {
      if (start === null) start = event.timeStamp;
    };
    window.addEventListener(startType, onStart, true);
    const target = document.querySelector(selector);
    const observer = new MutationObserver(() => requestAnimationFrame(() => { painted = performance.now(); }));
    if (target) observer.observe(target, { subtree: true, childList: true, characterData: true });
    w.__bench.shown = new Promise((resolve) => {
      setTimeout(() => {
        observer.disconnect();
        window.removeEventListener(startType, onStart, true);
        resolve(start !== null && painted !== null ? painted - start : null);
      }, windowMs);
    });
  };
  // Time of the first page heading: the app has mounted and its handlers are live.
  w.__boot = null;
  const observer = new MutationObserver(() => {
    if (w.__boot === null && document.querySelector('main h1')) {
      w.__boot = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true });
}

export async function throttle(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLING });
}

export async function newPage(browser: Browser, serviceWorkers: 'allow' | 'block', baseURL: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, serviceWorkers });
  await context.addInitScript(installHelpers);
  const page = await context.newPage();
  await throttle(page);
  return { context, page };
}

export async function bootTime(page: Page): Promise<number> {
  await page.waitForFunction(() => (window as any).__boot !== null, null, { timeout: 60_000 });
  return page.evaluate(() => (window as any).__boot as number);
}

/**
 * Waits until the page has fetched nothing new for `quietMs`: the idle
 * prefetch of the page chunks (one file per idle period, some seconds at 4×)
 * is over, so an interaction measures itself, not a chunk instantiated
 * between two keystrokes.
 */
export async function untilQuiet(page: Page, quietMs = 2000, timeoutMs = 120_000) {
  const started = Date.now();
  let count = -1;
  let since = Date.now();
  while (Date.now() - started < timeoutMs) {
    const now = await page.evaluate(() => performance.getEntriesByType('resource').length);
    if (now !== count) {
      count = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) {
      return;
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`the page was still fetching after ${timeoutMs} ms`);
}

/**
 * Times one interaction as [`timed`] does, and also until what it changed
 * inside `selector` is painted (`shown`, `null` when nothing changed there).
 */
export async function timedAndShown(page: Page, startType: string, endType: string, selector: string, act: () => Promise<void>) {
  await page.evaluate(([s, sel]) => (window as any).__bench.armShown(s, sel), [startType, selector]);
  const sample = await timed(page, startType, endType, act);
  const shown = await page.evaluate(() => (window as any).__bench.shown as Promise<number | null>);
  return { ...sample, shown };
}

/** Times one interaction: arms the helpers, performs `act`, reads the result. */
export async function timed(page: Page, startType: string, endType: string, act: () => Promise<void>) {
  await page.evaluate(([s, e]) => (window as any).__bench.arm(s, e), [startType, endType]);
  await act();
  return page.evaluate(() => (window as any).__bench.result as Promise<{ work: number; next_frame: number }>);
}


/**
 * The edits whose saves are timed: the debrief (a small part) and the
 * outreach list (the part holding the 5,000 contacts, the biggest).
 */
export const SAVE_EDITS = [
  { part: 'debrief', route: '#/debrief', field: 'debrief-summary', event: 'input', where: 'Debrief, the summary' },
  { part: 'outreach', route: '#/share', field: 'share-by', event: 'change', where: 'Share, "Start sharing by" (the outreach part: 5,000 contacts)' },
];

/**
 * Times 20 saves of `edit` on the open page: an edit is made, then the app
 * is told the page is being hidden (`pagehide`), which saves at once; the
 * dispatch is timed, and the writes alone through Storage.prototype.setItem.
 */
export async function saveTimes(page: Page, edit: (typeof SAVE_EDITS)[number], workbookKey: string, goal: number) {
  const samples = await page.evaluate(async ({ runs, edit, workbookKey }) => {
    const results: { save: number; write: number; characters: number }[] = [];
    const setItem = Storage.prototype.setItem;
    let write = 0;
    let characters = 0;
    Storage.prototype.setItem = function (key: string, value: string) {
      const start = performance.now();
      setItem.call(this, key, value);
      write += performance.now() - start;
      if (key === workbookKey || key.startsWith(`${workbookKey}.`)) characters += key.length + value.length;
    };
    const field = document.getElementById(edit.field) as HTMLInputElement | HTMLTextAreaElement | null;
    if (!field) throw new Error(`no field #${edit.field} on ${edit.route}`);
    for (let i = 0; i < runs; i++) {
      field.value = edit.part === 'debrief' ? `Laid off in the March round (${i}).` : `2026-12-${String(1 + i).padStart(2, '0')}`;
      // The edit is applied at once; its save is due 300 ms later, or now on `pagehide`.
      field.dispatchEvent(new Event(edit.event, { bubbles: true }));
      write = 0;
      characters = 0;
      const start = performance.now();
      window.dispatchEvent(new Event('pagehide'));
      const save = performance.now() - start;
      if (characters === 0) {
        const keys = Object.keys(localStorage).map((key) => `${key}: ${localStorage.getItem(key)?.length}`);
        throw new Error(`the save did not write the workbook (run ${i}; stored ${keys.join(', ')}; header: ${document.querySelector('header')?.textContent})`);
      }
      results.push({ save, write, characters });
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
    }
    Storage.prototype.setItem = setItem;
    return results;
  }, { runs: 20, edit, workbookKey });
  const save = stats(samples.map((s) => s.save));
  return {
    where: edit.where,
    characters_written: samples[samples.length - 1].characters,
    serialize_and_write_ms: save,
    write_only_ms: stats(samples.map((s) => s.write)),
    meets_goal: save.p95 <= goal,
  };
}
