// The `page` every test gets fails the test on any console error, uncaught
// exception, or request that leaves the app's own origin (the app must never
// talk to a server).
import { test as base, expect, type Page } from '@playwright/test';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const WORKBOOK_KEY = 'comeback.workbook';

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

/** Opens a page of the app and waits until it has rendered its heading. */
export async function open(page: Page, hash = '') {
  await page.goto(hash ? `./${hash}` : './');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/** Every route of the app, the unknown one included (it shows "page not found"). */
export const routes = ['', '#/first-steps', '#/debrief', '#/debrief/session', '#/share', '#/mojo', '#/next', '#/backup', '#/nowhere'];

/** Loads the example workbook the way a visitor does, from the welcome on Today. */
export async function loadExample(page: Page) {
  await open(page);
  await page.getByRole('button', { name: 'Try it with example data' }).click();
  await expect(page.getByRole('region', { name: 'Example data' })).toBeVisible();
}

/**
 * The text stored under `key`. For the workbook, that is its whole document
 * as the app assembles it (src/io/parts.rs): a root naming `parts` is joined
 * with the text under `comeback.workbook.<name>` of each part, in order; a
 * root without `parts` (the layout before parts) is the document itself.
 */
export async function stored(page: Page, key = WORKBOOK_KEY): Promise<string | null> {
  return page.evaluate(([k, workbookKey]) => {
    const text = window.localStorage.getItem(k);
    if (k !== workbookKey || text === null) return text;
    let parts: unknown;
    try {
      parts = JSON.parse(text).parts;
    } catch {
      return text;
    }
    if (!Array.isArray(parts)) return text;
    const body = text.trimEnd().replace(/}$/, '');
    // A missing part is left out, as the app does (it then reads as unreadable).
    const joined = parts.flatMap((name) => {
      const part = window.localStorage.getItem(`${workbookKey}.${name}`);
      return part === null ? [] : [`${JSON.stringify(name)}:${part}`];
    });
    return `${body}${/{\s*$/.test(body) || joined.length === 0 ? '' : ','}${joined.join(',')}}`;
  }, [key, WORKBOOK_KEY] as const);
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
