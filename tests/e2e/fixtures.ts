// The `page` every test gets fails the test on any console error, uncaught
// exception, or request that leaves the app's own origin (the app must never
// talk to a server).
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The namespace of the copy served from /comeback/ (src/io/namespace.rs): every key starts with it. */
export const NS = 'comeback@/comeback/.';
/** The workbook's manifest (src/io/parts.rs). Seeding a whole document here works too: the app moves it into buckets. */
export const WORKBOOK_KEY = `${NS}workbook`;
/** Where builds before namespaces kept the workbook; the first copy to load adopts it. */
export const LEGACY_WORKBOOK_KEY = 'comeback.workbook';

export const test = base.extend<{ problems: string[] }>({
  problems: async ({}, use) => {
    await use([]);
  },
  page: async ({ page, baseURL, problems }, use) => {
    const origin = new URL(baseURL!).origin;
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    // Any Content-Security-Policy violation is reported as a console error.
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}`);
      });
    });
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== origin && url.protocol !== 'blob:' && url.protocol !== 'data:') {
        problems.push(`request left the origin: ${url.href}`);
        return route.abort();
      }
      return route.continue();
    });
    await use(page);
    expect(problems, 'console errors, uncaught exceptions or off-origin requests').toEqual([]);
  },
});

export { expect };

/** Holds every request matching `glob` until the returned function is called. */
export async function holdRequests(page: Page, glob: string): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(glob, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Opens a page of the app and waits until it has rendered its heading. */
export async function open(page: Page, hash = '') {
  await page.goto(hash ? `./${hash}` : './');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await settled(page);
}

/**
 * Waits for what the app does once its first page is on screen (today's
 * snapshot, the move into the current layout; src/web/later.rs runs it
 * after the next frame): one frame, then a task queued after it.
 */
export async function settled(page: Page) {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
}

/** The keys of the daily snapshots kept at this address, oldest first. */
export function snapshotKeys(page: Page): Promise<string[]> {
  return page.evaluate((ns) => Object.keys(localStorage).filter((key) => key.startsWith(`${ns}snapshot.`)).sort(), NS);
}

/**
 * Reloads the page and waits until opening it has kept today's snapshot:
 * the app does that once its first page is on screen, and on a slow
 * machine the wasm can still be loading when `settled` returns.
 */
export async function reloadKeepingSnapshot(page: Page): Promise<string[]> {
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect.poll(() => snapshotKeys(page)).not.toHaveLength(0);
  await settled(page);
  return snapshotKeys(page);
}

/**
 * Waits until a route change has arrived at the page with this heading and
 * the app has moved focus to it (a frame after the change, or once a fetched
 * page is drawn). Keys pressed before then can lose their target to that
 * move, so a keyboard walk waits for it before pressing on.
 */
export async function arrive(page: Page, heading: string) {
  const h1 = page.getByRole('heading', { level: 1 });
  await expect(h1).toHaveText(heading);
  await expect(h1).toBeFocused();
}

/** Focuses an element and presses keys on it, as a keyboard user does. */
export async function press(target: Locator, key: string) {
  await target.focus();
  await target.page().keyboard.press(key);
}

/** Types into a field from the keyboard. */
export async function type(target: Locator, text: string) {
  await target.focus();
  await target.page().keyboard.type(text);
}

/** Every route of the app, the unknown one included (it shows "page not found"). */
export const routes = ['', '#/first-steps', '#/debrief', '#/debrief/guide', '#/debrief/session', '#/share', '#/mojo', '#/next', '#/backup', '#/review', '#/nowhere'];

/** Loads the example workbook the way a visitor does, from the welcome on Today. */
export async function loadExample(page: Page) {
  await open(page);
  await page.getByRole('button', { name: 'Try it with example data' }).click();
  await expect(page.getByRole('region', { name: 'Example data' })).toBeVisible();
}

/**
 * The text of a kept copy (a snapshot, an Undo or a recovery copy), as the
 * app reads it (src/io/kept.rs), decoded here independently of the app:
 * `gz1:` then gzip bytes at 15 bits per character (src/io/dense.rs: full
 * characters U+4E00.. carry 15 bits, a last short one U+3400.. carries 7),
 * decompressed by the browser's DecompressionStream; `txt1:` or no header
 * is the text itself.
 */
export async function kept(page: Page, key: string): Promise<string | null> {
  return page.evaluate(async (k) => {
    const text = window.localStorage.getItem(k);
    if (text === null) return null;
    if (text.startsWith('txt1:')) return text.slice(5);
    if (!text.startsWith('gz1:')) return text;
    const bytes: number[] = [];
    let buffer = 0;
    let held = 0;
    for (let i = 4; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const [value, width] = c >= 0x4e00 && c <= 0xcdff ? [c - 0x4e00, 15] : c >= 0x3400 && c < 0x3480 ? [c - 0x3400, 7] : [-1, 0];
      if (width === 0) throw new Error(`not a kept copy: character ${i} of ${k}`);
      buffer = (buffer << width) | value;
      held += width;
      while (held >= 8) {
        held -= 8;
        bytes.push((buffer >> held) & 0xff);
      }
      buffer &= (1 << held) - 1;
    }
    const stream = new Blob([new Uint8Array(bytes)]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new TextDecoder('utf-8', { ignoreBOM: true, fatal: true }).decode(await new Response(stream).arrayBuffer());
  }, key);
}

/** The recovery copies of unreadable data, oldest first, read as the app reads them. */
export async function recoveryCopies(page: Page): Promise<(string | null)[]> {
  const keys = await page.evaluate((ns) => Object.keys(window.localStorage).filter((key) => key.startsWith(`${ns}recovery.`)).sort(), NS);
  return Promise.all(keys.map((key) => kept(page, key)));
}

/**
 * The text stored under `key`. For the workbook, that is its whole document
 * as the app assembles it (src/io/parts.rs), from this namespace's manifest
 * or, while nothing is there, the legacy key: each section the manifest
 * names by a number is the text under `workbook.<section>.g<number>`; each
 * long list there, `{"buckets":[g0,g1,…]}`, is the records of the buckets
 * `workbook.<section>.<list>.<bucket>.g<n>` (each `[[seq,record],…]`),
 * joined in seq order. A schema 4 root naming `parts` is joined with them as
 * schema 4 did. Texts are joined as text, never parsed and re-encoded, so
 * the result is byte for byte the app's. A missing key is left out (the app
 * then reads the workbook as unreadable).
 */
export async function stored(page: Page, key = WORKBOOK_KEY): Promise<string | null> {
  if (key !== WORKBOOK_KEY) return kept(page, key);
  return page.evaluate(([k, workbookKey, legacyKey, ns]) => {
    // The top-level members of a JSON object or array, each as its exact text.
    function members(text: string): { names: string[]; values: string[] } | null {
      let at = 0;
      const space = () => { while (at < text.length && ' \t\r\n'.includes(text[at])) at++; };
      const string = () => {
        for (at++; at < text.length; at++) {
          if (text[at] === '\\') at++;
          else if (text[at] === '"') { at++; return; }
        }
      };
      const value = (): string | null => {
        space();
        const start = at;
        if (text[at] === '"') string();
        else if (text[at] === '{' || text[at] === '[') {
          let depth = 0;
          while (at < text.length) {
            const c = text[at];
            if (c === '"') { string(); continue; }
            at++;
            if (c === '{' || c === '[') depth++;
            else if ((c === '}' || c === ']') && --depth === 0) break;
          }
        } else {
          while (at < text.length && !',}] \t\r\n'.includes(text[at])) at++;
        }
        return at > start ? text.slice(start, at) : null;
      };
      space();
      const open = text[at];
      if (open !== '{' && open !== '[') return null;
      at++;
      const names: string[] = [];
      const values: string[] = [];
      space();
      if (text[at] === (open === '{' ? '}' : ']')) return { names, values };
      for (;;) {
        if (open === '{') {
          const name = value();
          space();
          if (name === null || text[at] !== ':') return null;
          at++;
          names.push(JSON.parse(name));
        }
        const item = value();
        if (item === null) return null;
        values.push(item);
        space();
        if (text[at] === ',') { at++; continue; }
        return { names, values };
      }
    }
    const object = (names: string[], values: string[]) => `{${names.map((name, i) => `${JSON.stringify(name)}:${values[i]}`).join(',')}}`;
    const lists: Record<string, string[]> = { debrief: ['timeline'], outreach: ['contacts'], mojo: ['entries', 'events'], plan: ['actions'] };
    const sections = ['first_steps', 'debrief', 'outreach', 'mojo', 'plan'];

    let root = window.localStorage.getItem(workbookKey);
    let prefix = ns;
    if (root === null) {
      root = window.localStorage.getItem(legacyKey);
      prefix = 'comeback.';
    }
    if (root === null) return null;
    const top = members(root);
    if (top === null) return root;
    const partsAt = top.names.indexOf('parts');
    if (partsAt >= 0) {
      // Schema 4: a root naming parts it does not hold.
      let parts: unknown;
      try { parts = JSON.parse(top.values[partsAt]); } catch { return root; }
      if (Array.isArray(parts) && !parts.every((name) => top.names.includes(name))) {
        const body = root.trimEnd().replace(/}$/, '');
        const joined = parts.flatMap((name) => {
          const part = window.localStorage.getItem(`${prefix}workbook.${name}`);
          return part === null ? [] : [`${JSON.stringify(name)}:${part}`];
        });
        return `${body}${/{\s*$/.test(body) || joined.length === 0 ? '' : ','}${joined.join(',')}}`;
      }
    }
    let changed = false;
    for (let i = 0; i < top.names.length; i++) {
      const section = top.names[i];
      if (!sections.includes(section)) continue;
      if (/^\d+$/.test(top.values[i])) {
        const part = window.localStorage.getItem(`${ns}workbook.${section}.g${top.values[i]}`);
        if (part === null) continue;
        top.values[i] = part;
        changed = true;
      }
      const fields = members(top.values[i]);
      if (fields === null || !top.values[i].trimStart().startsWith('{')) continue;
      let listChanged = false;
      for (const list of lists[section] ?? []) {
        const at = fields.names.indexOf(list);
        if (at < 0 || !fields.values[at].startsWith('{')) continue;
        const reference = members(fields.values[at])!;
        const buckets: number[] = JSON.parse(reference.values[reference.names.indexOf('buckets')]);
        const records: [number, string][] = [];
        const restAt = reference.names.indexOf('rest');
        const texts = restAt >= 0 ? [reference.values[restAt]] : [];
        buckets.forEach((generation, bucket) => {
          if (generation === 0) return;
          const text = window.localStorage.getItem(`${ns}workbook.${section}.${list}.${bucket}.g${generation}`);
          if (text !== null) texts.push(text);
        });
        for (const text of texts) {
          for (const pair of members(text)!.values) {
            const [seq, record] = members(pair)!.values;
            records.push([Number(seq), record]);
          }
        }
        records.sort((a, b) => a[0] - b[0]);
        fields.values[at] = `[${records.map(([, record]) => record).join(',')}]`;
        listChanged = true;
      }
      if (listChanged) {
        top.values[i] = object(fields.names, fields.values);
        changed = true;
      }
    }
    return changed ? object(top.names, top.values) : root;
  }, [key, WORKBOOK_KEY, LEGACY_WORKBOOK_KEY, NS] as const);
}

/** Reads a download's text. */
export async function downloadedText(download: import('@playwright/test').Download): Promise<string> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Writes a file to pick in a file input; returns its path. */
export function tempFile(name: string, content: string | Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comeback-e2e-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

/** A backup file's text for a workbook (missing parts take their defaults). */
export function backupText(workbook: object): string {
  return JSON.stringify({
    format: 'comeback-backup', schema_version: 2, app_version: '0.1.0', exported_at: '2026-01-03T12:00:00Z',
    workbook: { schema_version: 2, ...workbook },
  });
}
