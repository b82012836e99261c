// Where the time of one interaction goes, by function: a sampling profile
// (DevTools protocol) of the app with the large data set, CPU slowed 4×.
// Not part of the benchmark's report; run it on a build that keeps the
// wasm's function names (tools/profile does both):
//
//   tools/profile share-filter|add-contact|log-hours|routes|route:Debrief|save-outreach
//
// INCLUSIVE=n: time with callees by Rust function (ONLY=text: names that
// contain it; WITHIN=text: samples inside such a function; CALLERS=text: our
// nearest caller of it). TRACE=1: the main thread's tasks from a trace.
//
// Prints the functions with the most self time, and the total.
import { test, type Page } from '@playwright/test';
import { generateWorkbookText, LARGE } from '../e2e/data/generate';
import { untilQuiet } from './timing';

const what = process.env.PROFILE ?? 'routes';

async function act(page: Page) {
  switch (what) {
    case 'share-filter': {
      // Focused once, then keys pressed on the page: resolving a locator
      // per key would put Playwright's own script in the profile.
      await page.getByLabel('Search your list').focus();
      for (const word of ['acme', 'engineer', 'zz']) {
        for (const key of word) await page.keyboard.press(key);
        for (let i = 0; i < word.length; i++) await page.keyboard.press('Backspace');
      }
      return;
    }
    case 'add-contact': {
      const add = page.getByRole('region', { name: 'Add someone' });
      for (let i = 0; i < 6; i++) {
        await add.getByLabel('Name', { exact: true }).fill(`Profile Person ${i}`);
        await add.getByRole('button', { name: 'Add to my list' }).click();
        await add.getByText(`Profile Person ${i} is on your list.`).waitFor();
      }
      return;
    }
    case 'log-hours': {
      const button = page.getByRole('region', { name: 'Log your time' }).getByRole('button', { name: /^Log 1 h today on / });
      for (let i = 0; i < 6; i++) await button.click();
      return;
    }
    case 'save-outreach': {
      for (let i = 0; i < 6; i++) {
        await page.evaluate((i) => {
          const field = document.getElementById('share-by') as HTMLInputElement;
          field.value = `2026-12-${String(1 + i).padStart(2, '0')}`;
          field.dispatchEvent(new Event('change', { bubbles: true }));
          window.dispatchEvent(new Event('pagehide'));
        }, i);
      }
      return;
    }
    default: {
      const nav = page.getByRole('navigation', { name: 'Main' });
      // route:Name — to that page from Today and back, three times.
      if (what.startsWith('route:')) {
        for (let i = 0; i < 3; i++) {
          for (const name of [what.slice(6), 'Today']) {
            await nav.getByRole('link', { name, exact: true }).click();
            await page.getByRole('heading', { level: 1 }).waitFor();
          }
        }
        return;
      }
      for (const name of ['Today', 'Debrief', 'Share', 'Mojo', 'Next move', 'Backup']) {
        await nav.getByRole('link', { name, exact: true }).click();
        await page.getByRole('heading', { level: 1 }).waitFor();
      }
    }
  }
}

test('profile', async ({ page }) => {
  await page.goto('./manifest.webmanifest');
  await page.evaluate((t) => window.localStorage.setItem('comeback.workbook', t), generateWorkbookText(LARGE));
  const start = { 'share-filter': '#/share', 'add-contact': '#/share', 'log-hours': '#/mojo', 'save-outreach': '#/share' }[what] ?? '#/';
  await page.goto(`./${start}`);
  await page.getByRole('heading', { level: 1 }).waitFor({ timeout: 60_000 });
  await page.waitForTimeout(1000);
  await untilQuiet(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(process.env.THROTTLE ?? 4) });
  if (process.env.TRACE) {
    await trace(cdp, page);
    return;
  }
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await act(page);
  const { profile } = await cdp.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((node: any) => [node.id, node]));
  const self = new Map<string, number>();
  const deltas = profile.timeDeltas ?? [];
  profile.samples?.forEach((id: number, i: number) => {
    const node: any = byId.get(id);
    const name = node?.callFrame.functionName || `(${node?.callFrame.url?.split('/').pop() || 'program'})`;
    self.set(name, (self.get(name) ?? 0) + (deltas[i] ?? 0) / 1000);
  });
  if (process.env.INCLUSIVE) return inclusive(profile, byId, deltas);
  const total = [...self.entries()].filter(([name]) => name !== '(idle)').reduce((sum, [, ms]) => sum + ms, 0);
  const top = [...self.entries()].filter(([name]) => name !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, 40);
  console.log(`\n${what}: ${total.toFixed(0)} ms busy (4× throttle), top self time:`);
  for (const [name, ms] of top) console.log(`${ms.toFixed(1).padStart(8)} ms  ${name.slice(0, 140)}`);
});

/**
 * INCLUSIVE=1: time with callees, by Rust function (names with `::`), so a
 * handler's whole cost shows under its own name, whatever it calls.
 */
function inclusive(profile: any, byId: Map<number, any>, deltas: number[]) {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const sums = new Map<string, number>();
  // WITHIN=name: only the samples taken inside a function whose name contains it.
  const within = (id: number) => {
    if (!process.env.WITHIN) return true;
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      if ((byId.get(at)?.callFrame.functionName ?? '').includes(process.env.WITHIN)) return true;
    }
    return false;
  };
  profile.samples?.forEach((id: number, i: number) => {
    if (!within(id)) return;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name: string = byId.get(at)?.callFrame.functionName ?? '';
      if (name.includes(process.env.ONLY ?? '::') && !seen.has(name)) {
        seen.add(name);
        sums.set(name, (sums.get(name) ?? 0) + (deltas[i] ?? 0) / 1000);
      }
    }
  });
  if (process.env.CALLERS) {
    // For samples inside a function matching CALLERS: the nearest caller of ours (comeback::) above it.
    const by = new Map<string, number>();
    profile.samples?.forEach((id: number, i: number) => {
      let inside = false;
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const name: string = byId.get(at)?.callFrame.functionName ?? '';
        if (name.includes(process.env.CALLERS!)) inside = true;
        // A wasm function's shim is named after it: not a caller.
        else if (inside && /^(_ZN\d+)?comeback/.test(name) && !name.endsWith('indirect_call_shim')) {
          by.set(name, (by.get(name) ?? 0) + (deltas[i] ?? 0) / 1000);
          return;
        }
      }
    });
    console.log(`\n${what}: time inside ${process.env.CALLERS}, by our nearest caller:`);
    for (const [name, ms] of [...by.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${name.slice(0, 150)}`);
  }
  console.log(`\n${what}: inclusive time by Rust function:`);
  for (const [name, ms] of [...sums.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.INCLUSIVE) > 1 ? Number(process.env.INCLUSIVE) : 60)) {
    console.log(`${ms.toFixed(1).padStart(8)} ms  ${name.replace(/::h[0-9a-f]{16}$/, '').slice(0, 150)}`);
  }
}

/**
 * TRACE=1: a performance trace of the same interaction instead, summed by
 * event on the page's main thread: how much is script, style, layout,
 * paint or garbage collection ("(program)" in a sampling profile).
 */
async function trace(cdp: any, page: Page) {
  const events: any[] = [];
  cdp.on('Tracing.dataCollected', (data: any) => events.push(...data.value));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  await act(page);
  await cdp.send('Tracing.end');
  await done;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const mine = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur);
  const tasks = mine.filter((e) => e.name === 'RunTask');
  const total = new Map<string, { ms: number; count: number }>();
  for (const e of mine) {
    const t = total.get(e.name) ?? { ms: 0, count: 0 };
    t.ms += e.dur / 1000;
    t.count += 1;
    total.set(e.name, t);
  }
  // Each layout: objects needing it / all objects, and its time.
  const layouts = mine
    .filter((e) => e.name === 'Layout')
    .map((e) => `${e.args?.beginData?.dirtyObjects}/${e.args?.beginData?.totalObjects} ${(e.dur / 1000).toFixed(1)} ms`);
  console.log(`layouts: ${layouts.slice(0, 8).join(', ')}; DOM elements: ${await page.evaluate(() => document.getElementsByTagName('*').length)}`);
  const byType = new Map<string, number>();
  for (const e of mine.filter((e) => e.name === 'EventDispatch')) byType.set(e.args?.data?.type, (byType.get(e.args?.data?.type) ?? 0) + e.dur / 1000);
  console.log(`events: ${[...byType.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([t, ms]) => `${t} ${ms.toFixed(0)} ms`).join(', ')}`);
  const long = tasks.map((e) => e.dur / 1000).sort((a, b) => b - a);
  console.log(`\n${what} (trace, 4× throttle): ${tasks.length} tasks, ${long.reduce((a, b) => a + b, 0).toFixed(0)} ms; longest ${long.slice(0, 8).map((ms) => ms.toFixed(0)).join(', ')} ms`);
  for (const [name, t] of [...total.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 30)) {
    console.log(`${t.ms.toFixed(1).padStart(9)} ms ${String(t.count).padStart(6)}×  ${name}`);
  }
}
