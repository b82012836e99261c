// The installable, offline PWA with a strict Content Security Policy.
// The CSP check also runs in every other test: the shared fixture turns any
// `securitypolicyviolation` into a failing console error.
import { test, expect, open } from './fixtures';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const routes = ['', '#/debrief', '#/debrief/session', '#/share', '#/mojo', '#/next', '#/backup', '#/nowhere'];

async function waitForServiceWorker(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 });
}

test('the policy is strict and comes first in <head>', async ({ page }) => {
  await open(page);
  const meta = await page.evaluate(() => {
    const first = document.head.firstElementChild;
    return { tag: first?.outerHTML ?? '', content: first?.getAttribute('content') ?? '' };
  });
  expect(meta.tag).toMatch(/http-equiv="?Content-Security-Policy/i);
  expect(meta.content).toContain("default-src 'none'");
  expect(meta.content).toContain("connect-src 'self'");
  expect(meta.content).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]{44}'/);
  expect(meta.content).not.toContain('unsafe-inline');
  expect(meta.content).not.toContain("'unsafe-eval'");
});

test('after one visit every route reloads with the network off', async ({ page, context }) => {
  // Every route loaded and reloaded: more than the default on a busy machine.
  test.setTimeout(120_000);
  await open(page);
  await waitForServiceWorker(page);
  // The first visit's idle prefetch fetches one chunk at a time, outside the
  // worker (it started before the worker took the page): let it finish, or
  // going offline fails its fetch in flight (the worker has every file anyway).
  await page.waitForLoadState('networkidle');
  await context.setOffline(true);
  for (const hash of routes) {
    await page.goto(`./${hash}`);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  await page.goto('./#/debrief');
  await page.getByLabel('In a sentence or two, what happened?').fill('Written offline.');
  await page.reload();
  await expect(page.getByLabel('In a sentence or two, what happened?')).toHaveValue('Written offline.');
});

test('without the service worker the app does not load offline (so the worker is what works)', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(baseURL!);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await context.setOffline(true);
  await expect(page.reload()).rejects.toThrow();
  await context.close();
});

test('the manifest and icons make the app installable', async ({ baseURL }) => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'comeback-install-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(baseURL!);
    await waitForServiceWorker(page);
    const session = await context.newCDPSession(page);
    const { installabilityErrors } = await session.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);

    const manifest = await (await page.request.get(new URL('manifest.webmanifest', baseURL).href)).json();
    expect(manifest.start_url).toBe('.');
    expect(manifest.scope).toBe('.');
    expect(manifest.display).toBe('standalone');
    const sizes = manifest.icons.map((icon: { sizes: string; purpose: string }) => `${icon.sizes} ${icon.purpose}`);
    expect(sizes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
});

test('a new version waits until the person reloads, and nothing typed is lost', async ({ browser }) => {
  // A server of its own, so this test can swap the build under it.
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'comeback-update-'));
  const site = path.join(root, 'comeback');
  fs.cpSync(path.resolve(process.env.E2E_SITE ?? path.join(__dirname, '../../target/e2e-site'), 'comeback'), site, { recursive: true });
  const port = 4300 + Math.floor(Math.random() * 500);
  const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', root], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/comeback/`;
  const context = await browser.newContext();
  const errors: string[] = [];
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    for (let attempt = 0; ; attempt++) {
      try {
        await page.goto(url + '#/debrief');
        break;
      } catch (error) {
        if (attempt > 50) throw error;
        await page.waitForTimeout(100);
      }
    }
    await waitForServiceWorker(page);
    await page.getByLabel('In a sentence or two, what happened?').fill('Typed before the update.');

    // The second build: different content, so a new version and a new sw.js.
    const indexPath = path.join(site, 'index.html');
    fs.writeFileSync(indexPath, fs.readFileSync(indexPath, 'utf8').replace('<link', '<meta name="comeback-build" content="second"><link'));
    const hook = spawn('node', [path.join(__dirname, '../../tools/post-build.js')], {
      env: { ...process.env, TRUNK_STAGING_DIR: site, TRUNK_PROFILE: 'release' },
      stdio: 'ignore',
    });
    await new Promise((resolve) => hook.on('exit', resolve));

    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    const banner = page.getByRole('status').filter({ hasText: 'A new version of Comeback is ready' });
    await expect(banner).toBeVisible({ timeout: 15_000 });
    // Still the first build until the person agrees.
    expect(await page.locator('meta[name="comeback-build"]').count()).toBe(0);
    await expect(page.getByLabel('In a sentence or two, what happened?')).toHaveValue('Typed before the update.');

    await banner.getByRole('button', { name: 'Reload to update' }).click();
    await expect(page.locator('meta[name="comeback-build"]')).toHaveCount(1, { timeout: 15_000 });
    await expect(page.getByLabel('In a sentence or two, what happened?')).toHaveValue('Typed before the update.');
    await expect(banner).toHaveCount(0);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
    server.kill();
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('the policy is enforced: an injected inline script is refused', async ({ page, problems }) => {
  await open(page);
  const violated = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (event) => resolve(event.violatedDirective), { once: true });
        const script = document.createElement('script');
        script.textContent = 'window.injected = true;';
        document.body.append(script);
      }),
  );
  expect(violated).toMatch(/^script-src/);
  expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
  // The fixture reported the (expected) violation as a console error; clear it.
  await expect.poll(() => problems.some((problem) => problem.startsWith('console error: CSP violation'))).toBe(true);
  problems.length = 0;
});
