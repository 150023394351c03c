#!/usr/bin/env node
// npm run test:web: Rapport in a browser's web-worker extension host, as on vscode.dev and
// github.dev, checked by what a user sees. Offline: code-server 4.100.3 (the integration tests'
// host) with Debian's headless Chromium through playwright-core.
//
// A browser-only .vsix (scripts/web-vsix.js: `browser`, no `main`) is installed into a fresh
// code-server, which can then run it only in the page's web worker; a fresh copy of the sample
// vault is opened. Steps: the Rapport views with rows (groups and counts as the CLI's), a
// follow-up in the Problems panel, and a quick fix ("Snooze 1 week") applying to the note.
// Today is pinned through the test build's hidden setting rapport.testing.today (a web worker
// has no environment variables). Waits on selectors and files, never on fixed sleeps.
//
// Screenshots: test-results/web/*.png; RAPPORT_UPDATE_SCREENSHOTS=1 copies the README's one to
// media/screenshots/browser.png. Last line: "N passed, N failed".
'use strict';

const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { ensureCodeServer } = require('../../scripts/vscode-host/install');
const { startCodeServer } = require('../../scripts/vscode-host/start');
const { findChromium, CHROMIUM_ARGS } = require('../../scripts/vscode-host/driver');
const { copySampleVault } = require('../../scripts/start');
const { buildWebOnlyVsix } = require('../../scripts/web-vsix');

const ROOT = path.resolve(__dirname, '..', '..');
const SHOTS = path.join(ROOT, 'test-results', 'web');
const TODAY = process.env.RAPPORT_ITEST_TODAY || '2026-11-25';
const SLOW = 60_000;
const NORMAL = 20_000;
const log = (m) => console.log(`[web] ${m}`);
const results = [];

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

async function step(name, page, fn) {
  const t0 = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`  ✔ ${name} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
  } catch (e) {
    results.push({ name, ok: false, error: e });
    console.log(`  ✘ ${name}\n      ${String(e && e.message ? e.message : e).split('\n').slice(0, 12).join('\n      ')}`);
    await page.screenshot({ path: path.join(SHOTS, `fail-${results.length}.png`) }).catch(() => {});
  }
}

/** The CLI on the same vault copy, on the same day: what the browser should show. */
function cli(args) {
  return JSON.parse(execFileSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), ...args, '--format', 'json'], { encoding: 'utf8', env: { ...process.env, RAPPORT_TODAY: TODAY } }));
}

async function main() {
  fs.rmSync(SHOTS, { recursive: true, force: true });
  fs.mkdirSync(SHOTS, { recursive: true });
  const t0 = Date.now();
  const { entry } = await ensureCodeServer({ log });
  const vsix = await buildWebOnlyVsix();
  assert(vsix.manifest.browser && !vsix.manifest.main, 'the test package must have a browser entry and no main');
  log(`browser-only package ${path.basename(vsix.file)} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
  const vault = copySampleVault({ today: TODAY }); // the story moved to the pinned day (a no-op on the story day)
  let host;
  let browser;
  const stopAll = async () => {
    if (browser) await browser.close().catch(() => {});
    if (host) await host.stop();
    fs.rmSync(vault.tmp, { recursive: true, force: true, maxRetries: 3 });
    fs.rmSync(vsix.file, { force: true });
  };
  process.once('SIGINT', () => stopAll().finally(() => process.exit(130)));
  process.once('SIGTERM', () => stopAll().finally(() => process.exit(143)));
  try {
    host = await startCodeServer({
      entry,
      folder: vault.folder,
      installExtensions: [vsix.file],
      settings: {
        'rapport.testing.today': TODAY,
        'workbench.colorTheme': 'Default Dark Modern',
        'window.autoDetectColorScheme': false,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'editor.minimap.enabled': false,
        'chat.disableAIFeatures': true,
      },
    });
    const { chromium } = require('playwright-core');
    browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
    const page = await (await browser.newContext({ viewport: { width: 1100, height: 720 } })).newPage();
    const workerLogs = [];
    page.on('console', (m) => workerLogs.push(m.text()));
    page.on('worker', (w) => workerLogs.push(`worker: ${w.url()}`));

    const check = cli(['check', vault.folder, '--fail-on', 'never']);
    const list = cli(['list', vault.folder]);
    const groups = list.groups.filter((g) => g.contacts.length > 0);
    const due = check.problems.filter((p) => p.code === 'follow-up-due' && p.file.startsWith('contacts/'));
    const overdue = due.find((p) => /follow_up/.test(p.message)) || due[0];
    assert(overdue, 'the CLI finds no overdue follow-up in the sample vault');

    await page.goto(`${host.url}/?folder=${encodeURI(vault.folder)}`, { waitUntil: 'domcontentloaded', timeout: SLOW });
    const rapportIcon = page.locator('.part.activitybar li.action-item[aria-label^="Rapport"]');
    const sidebar = page.locator('.part.sidebar');
    const groupRow = (label) => sidebar.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) });

    await step('Rapport runs in the web worker extension host (browser entry only)', page, async () => {
      await rapportIcon.waitFor({ timeout: SLOW });
      // the only extension host that can run a package without `main` is the page's web worker
      await page.waitForFunction(() => !!document.querySelector('.part.activitybar li.action-item[aria-label*="overdue"]'), null, { timeout: SLOW });
    });

    await step('the Network view lists each group with the CLI\'s count, contacts under it', page, async () => {
      await rapportIcon.click();
      await sidebar.locator('.pane-header', { hasText: 'Network' }).waitFor({ timeout: NORMAL });
      await groupRow(groups[0].label).first().waitFor({ timeout: SLOW });
      let seen = 0;
      for (const g of groups) {
        const row = groupRow(g.label);
        if ((await row.count()) === 0) continue;
        const description = (await row.first().locator('.label-description').textContent()).trim();
        assert(description === String(g.contacts.length), `${g.label}: shows "${description}", the CLI counts ${g.contacts.length}`);
        seen++;
      }
      assert(seen >= Math.min(3, groups.length), `only ${seen} group rows are visible`);
      await sidebar.locator('.monaco-list-row', { hasText: groups[0].contacts[0].name }).first().waitFor({ timeout: NORMAL });
    });

    const marker = page.locator('.markers-panel .monaco-list-row').filter({ hasText: overdue.message.slice(0, 40) }).first();
    await step('the Problems panel lists the overdue follow-up', page, async () => {
      await page.locator('.part.sidebar').click({ position: { x: 100, y: 5 } });
      await page.keyboard.press('Control+Shift+M');
      await marker.waitFor({ timeout: SLOW });
      await page.mouse.move(1000, 520);
      const file = await page.screenshot({ path: path.join(SHOTS, 'browser.png') });
      if (process.env.RAPPORT_UPDATE_SCREENSHOTS === '1') fs.writeFileSync(path.join(ROOT, 'media', 'screenshots', 'browser.png'), file);
    });

    const vaultFile = path.join(vault.folder, overdue.file);
    const before = fs.readFileSync(vaultFile, 'utf8');
    await step('the quick fix "Snooze 1 week" applies and the note on disk gets snooze_until', page, async () => {
      await marker.click();
      await page.keyboard.press('Enter');
      await page.locator('.tabs-container .tab.active', { hasText: path.basename(overdue.file) }).waitFor({ timeout: NORMAL });
      const lineText = before.split(/\r?\n/)[overdue.line - 1].trim();
      const line = page.locator('.editor-group-container.active .monaco-editor .view-line').filter({ hasText: lineText.replace(/ /g, '\u00a0') }).first();
      await line.waitFor({ timeout: NORMAL });
      const box = await line.locator('span').first().boundingBox();
      await page.mouse.click(box.x + box.width - 2, box.y + box.height / 2);
      await page.locator('#status\\.editor\\.selection').filter({ hasText: new RegExp(`^\\s*Ln ${overdue.line}, Col \\d+\\s*$`) }).waitFor({ timeout: NORMAL });
      await page.keyboard.press('Control+.');
      const item = page.locator('.action-widget .monaco-list-row', { hasText: 'Snooze 1 week' });
      await item.waitFor({ timeout: NORMAL });
      // choose it with the keyboard: the menu blocks the pointer while it opens
      const focused = page.locator('.action-widget .monaco-list-row.focused');
      for (let i = 0; i < 15 && (await focused.getAttribute('aria-label').catch(() => '')) !== 'Snooze 1 week'; i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => [...document.querySelectorAll('.editor-group-container.active .monaco-editor .view-lines .view-line')]
        .some((l) => /snooze_until:/.test((l.textContent || '').replace(/\u00a0/g, ' '))), null, { timeout: NORMAL });
      const [y, mo, d] = TODAY.split('-').map(Number);
      const expected = new Date(Date.UTC(y, mo - 1, d + 7)).toISOString().slice(0, 10);
      await page.keyboard.press('Control+S');
      // the save goes through workspace.fs to the disk code-server serves: wait for the file itself
      const deadline = Date.now() + NORMAL;
      let text = before;
      while (Date.now() < deadline && !/^snooze_until:/m.test(text)) {
        await new Promise((r) => fs.watchFile(vaultFile, { interval: 100 }, () => { fs.unwatchFile(vaultFile); r(); }));
        text = fs.readFileSync(vaultFile, 'utf8');
      }
      assert(new RegExp(`^snooze_until: ${expected}$`, 'm').test(text), `no snooze_until: ${expected} in ${overdue.file}:\n${text}`);
      await marker.waitFor({ state: 'detached', timeout: NORMAL });
    });
    if (results.some((r) => !r.ok)) console.log(`worker and console lines:\n  ${workerLogs.slice(-40).join('\n  ')}`);
  } finally {
    await stopAll();
  }
  const failed = results.filter((r) => !r.ok).length;
  console.log(`${results.length - failed} passed, ${failed} failed (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
  return failed === 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (e) => {
  console.error(e);
  process.exit(1);
});
