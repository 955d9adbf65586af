import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { catalogFor } from '../app/catalog-for.js';
import { BuiltinController } from '../controller/builtin-controller.js';
import { petStoreCatalog, type startPetStore } from '../test-support/petstore.js';
import { buildServer, type TroupeServer } from './server.js';
import { WEB_BUNDLE } from './web-routes.js';

// The page in Debian's chromium, driven by Playwright (no browser download). Without chromium
// these tests are skipped: `npx troupe setup --tests` installs it.
const CHROMIUM = spawnSync('which', ['chromium'], { encoding: 'utf8' }).stdout.trim();
const fixture = (name: string) => fileURLToPath(new URL(`../../test-fixtures/${name}`, import.meta.url));
const SIGN = fileURLToPath(new URL('../../examples/sign.png', import.meta.url));
/** Screenshots of every test, to look at (docs/images/page.png is one of them). */
const SHOTS = fileURLToPath(new URL('../../.tmp/web-page/', import.meta.url));
const MAX_FILE = 1024 * 1024;

describe('the web page, in chromium', { skip: CHROMIUM ? false : 'chromium is not installed (npx troupe setup --tests installs it)' }, () => {
  let browser: Browser;
  let server: TroupeServer;
  let pets: Awaited<ReturnType<typeof startPetStore>>;
  let base = '';
  let dir = '';

  before(async () => {
    // The bundle is built by `npm ci` (prepare); a checkout that skipped it builds it here.
    if (!existsSync(join(WEB_BUNDLE, 'index.html'))) assert.equal(spawnSync(process.execPath, ['scripts/build-web.mjs'], { stdio: 'inherit' }).status, 0);
    await mkdir(SHOTS, { recursive: true });
    const catalog = await petStoreCatalog();
    ({ pets, dir } = catalog);
    const db = catalog.db;
    server = await buildServer({ dataDir: join(dir, 'data'), controller: new BuiltinController(), catalog: await catalogFor({ db }), maxFileBytes: MAX_FILE, memoryPath: join(dir, 'memory.db') });
    base = await server.app.listen({ host: '127.0.0.1', port: 0 });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await pets?.close();
  });

  async function newPage(viewport = { width: 1280, height: 900 }): Promise<Page> {
    const page = await browser.newPage({ viewport });
    page.on('pageerror', (e) => assert.fail(`the page threw: ${e.message}`));
    await page.goto(base);
    return page;
  }

  /** Starts a thread, attaches the files, asks; resolves once the run's card is on the page. */
  async function ask(page: Page, request: string, files: string[] = []) {
    if (!(await page.locator('#request').count())) await page.getByRole('button', { name: /start a thread|new thread/i }).first().click();
    if (files.length) await page.setInputFiles('#files', files);
    await page.locator('#request').fill(request);
    await page.keyboard.press('Enter');
  }

  /** The last run's card, once its status line says it ended. */
  async function finished(page: Page, timeout = 120_000) {
    const card = page.locator('article.run').last();
    await card.locator('.status').filter({ hasText: /^(Done|Finished|Cancelled|Could not)/ }).waitFor({ timeout });
    return card;
  }

  it('a photo and "find the faces": the graph turns green, the photo comes back with its box, the faces as a table; a node opens by keyboard', async () => {
    const page = await newPage();
    await ask(page, 'find the faces in this photo', [fixture('astronaut.jpg')]);
    await page.locator('.attachments').waitFor({ state: 'detached' });
    const card = await finished(page);
    await page.screenshot({ path: join(SHOTS, 'faces.png'), fullPage: true });
    assert.match(await card.locator('.status').innerText(), /^Done: 1 of 1 step/);
    const nodes = card.locator('.node.task');
    assert.equal(await nodes.count(), 1);
    assert.equal(await nodes.first().getAttribute('data-status'), 'succeeded');
    assert.equal(await card.locator('.node.input').count(), 1, 'the uploaded photo is a node of the graph');
    // The image with its box drawn, loaded from the server.
    const img = card.locator('img.result-image');
    await img.waitFor();
    assert.ok(await img.evaluate((el) => (el as unknown as { complete: boolean; naturalWidth: number }).complete && (el as unknown as { naturalWidth: number }).naturalWidth > 0), 'the drawn photo loads');
    assert.match(await card.locator('table caption').first().innerText(), /faces/);
    assert.match(await card.locator('.answer').innerText(), /face/i);
    // Keyboard: focus the node, Enter shows its details.
    await nodes.first().focus();
    await page.keyboard.press('Enter');
    const details = card.locator('.task-details');
    await details.waitFor();
    assert.match(await details.innerText(), /Expert[\s\S]*human[\s\S]*Took/i);
    await page.screenshot({ path: join(SHOTS, 'faces-details.png'), fullPage: true });
    await page.close();
  });

  it('two turns: the sign is read and translated, then "now read it aloud" speaks the Spanish, with a player', async () => {
    const page = await newPage();
    await ask(page, 'Read the sign in this photo and translate it into Spanish', [SIGN]);
    const first = await finished(page);
    assert.equal(await first.locator('.node.task[data-status="succeeded"]').count(), 2);
    assert.match(await first.locator('.answer').innerText(), /biblioteca/i);
    await ask(page, 'now read it aloud');
    await page.locator('article.run').nth(1).waitFor();
    const second = await finished(page);
    assert.equal(await page.locator('article.run').count(), 2);
    const audio = second.locator('audio.result-audio');
    await audio.waitFor();
    assert.match(await second.locator('.answer').innerText(), /voice es \(Spanish/);
    const src = await audio.getAttribute('src');
    const response = await page.request.get(new URL(src!, base).href);
    assert.equal(response.headers()['content-type'], 'audio/wav');
    // The thread is in the list, titled by its first request.
    await page.locator('.thread-list').getByText('Read the sign in this photo').first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'two-turns.png'), fullPage: true });
    // What the README shows: the page as a person sees it, scrolled to the answer.
    await page.evaluate("document.querySelector('main').scrollTo(0, 1e6)");
    await page.screenshot({ path: join(SHOTS, 'page.png') });
    await page.close();
  });

  it('a reload in the middle of a run re-attaches: the step still waits for approval, Allow lets it run, the graph turns green', async () => {
    const page = await newPage();
    await ask(page, "add a new pet named 'Luna' to the store");
    const approval = page.getByRole('group', { name: /Approval for step/ });
    await approval.waitFor({ timeout: 60_000 });
    assert.match(await page.locator('article.run .status').last().innerText(), /approval/i);
    await page.screenshot({ path: join(SHOTS, 'approval.png'), fullPage: true });
    await page.reload();
    // After the reload the thread is read again and the run's stream replayed: the question is still there.
    await approval.waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('.node.task').first().getAttribute('data-status'), 'running');
    await approval.getByRole('button', { name: 'Allow' }).click();
    const card = await finished(page);
    assert.equal(await card.locator('.node.task').first().getAttribute('data-status'), 'succeeded');
    assert.match(await card.innerText(), /Luna/);
    assert.ok((pets.hits['/api/pets'] ?? 0) >= 1, 'the pet store was called once allowed');
    // Feedback on the run goes to the plan memory.
    await card.getByRole('button', { name: 'Good plan' }).click();
    await card.getByText(/kept as a good plan/).waitFor();
    await page.screenshot({ path: join(SHOTS, 'approved.png'), fullPage: true });
    await page.close();
  });

  it('an upload that is too large or corrupt gets a message that says what to do, and the request is kept', async () => {
    const page = await newPage();
    const big = join(dir, 'big.wav');
    await writeFile(big, Buffer.alloc(MAX_FILE + 4096, 1));
    await ask(page, 'transcribe this recording', [big]);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /over the limit[\s\S]*smaller/);
    assert.equal(await page.locator('#request').inputValue(), 'transcribe this recording', 'the words are not lost');
    await page.screenshot({ path: join(SHOTS, 'too-large.png'), fullPage: true });
    await page.getByRole('button', { name: /Remove big.wav/ }).click();
    const broken = join(dir, 'photo.png');
    await writeFile(broken, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(300, 7)]));
    await page.setInputFiles('#files', [broken]);
    await page.locator('#request').fill('find the faces in this photo');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'INPUT_CORRUPT' }).waitFor();
    assert.match(await page.getByRole('alert').innerText(), /photo\.png/);
    assert.equal(await page.locator('article.run').count(), 0, 'nothing ran');
    await page.close();
  });

  it('at phone width: one column, nothing wider than the screen, the threads behind a button; settings show the controller and the experts', async () => {
    const page = await newPage({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Threads' }).click();
    await page.locator('.thread-list a', { hasText: 'find the faces in this photo' }).click();
    await page.locator('article.run').first().waitFor();
    // Runs in the page, where document and window exist (this file is type-checked without the DOM's types).
    const overflow = (await page.evaluate("Math.max(document.documentElement.scrollWidth, document.querySelector('main').scrollWidth) - window.innerWidth")) as number;
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
    await page.screenshot({ path: join(SHOTS, 'phone.png'), fullPage: true });
    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await dialog.getByText(/experts can run here/).waitFor();
    assert.match(await dialog.locator('#controller').innerText(), /built-in/);
    await page.screenshot({ path: join(SHOTS, 'settings.png') });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.close();
  });
});
