// The HTML page of `regkit images` in a real browser (headless Chromium): rows render,
// filters narrow them (AND), sorting reorders, and the page loads nothing from the network.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../harness/cli.js';
import { tempDir } from '../../env/index.js';
import { files, startWorld, type World } from './fixture.js';

const CHROMIUM = '/usr/bin/chromium';
let w: World;
let browser: Browser;

beforeAll(async () => {
  w = await startWorld();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await w?.stop();
});

describe('the images page in a browser', () => {
  it('renders every row, narrows them with filters, sorts by a column, and fetches nothing', async () => {
    const { cwd, env } = files(w);
    const out = tempDir('images-page');
    const page = join(out, 'images.html');
    const r = await runCli(['images', '--html', page, '--quiet'], { cwd, env });
    expect(r.code).toBe(0);

    const tab = await browser.newPage();
    const requested: string[] = [];
    tab.on('request', (req) => requested.push(req.url()));
    const errors: string[] = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    await tab.goto(pathToFileURL(page).href);
    const visible = () =>
      tab.$$eval('tbody tr', (rows) =>
        rows
          .filter((row) => !(row as HTMLElement).hidden)
          .map((row) => row.children[1].textContent + ':' + row.children[2].textContent),
      );

    expect(await visible()).toEqual([
      'app:1.1 latest',
      'worker:1.0',
      'app:feature-x',
      'acme/app:2.0',
      'app:1.0',
      'app:untagged',
    ]);
    expect(await tab.textContent('#count')).toBe('6 of 6 images');

    await tab.fill('input[name=branch]', 'main');
    expect(await visible()).toEqual(['app:1.1 latest', 'worker:1.0', 'acme/app:2.0', 'app:1.0']);
    await tab.fill('input[name=tag]', '1.*');
    expect(await visible()).toEqual(['app:1.1 latest', 'worker:1.0', 'app:1.0']);
    await tab.selectOption('select[name=tagged]', 'no');
    expect(await visible()).toEqual([]);
    expect(await tab.textContent('#count')).toBe('0 of 6 images');
    await tab.selectOption('select[name=tagged]', '');
    await tab.fill('input[name=tag]', '');
    await tab.fill('input[name=branch]', '');

    // Sorting by Image (ascending), then the copy command follows the target typed in.
    await tab.click('th:text("Image")');
    expect((await visible()).map((v) => v.split(':')[0])).toEqual(['acme/app', 'app', 'app', 'app', 'app', 'worker']);
    await tab.fill('#target', 'registry.example/app:prod');
    const copy = await tab.getAttribute('tbody tr:first-child button.copy:text("regkit copy")', 'data-command');
    expect(copy).toMatch(/^regkit copy 127\.0\.0\.1:\d+\/acme\/app@sha256:[0-9a-f]{64} registry\.example\/app:prod$/);
    expect(await tab.getAttribute('tbody tr:first-child button.copy:text("docker pull")', 'data-command')).toMatch(
      /^docker pull 127\.0\.0\.1:\d+\/acme\/app@sha256:/,
    );

    const shot = join(out, 'images.png');
    await tab.screenshot({ path: shot, fullPage: true });
    expect(existsSync(shot) && statSync(shot).size > 1000).toBe(true);
    expect(errors).toEqual([]);
    expect(requested).toEqual([pathToFileURL(page).href]);
  });
});
