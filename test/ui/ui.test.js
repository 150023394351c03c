#!/usr/bin/env node
// npm run test:ui: what a user sees, in a real VS Code (code-server 4.100.3 = VS Code 1.100.3)
// driven by Debian's headless Chromium through playwright-core.
//
// Starts the extension exactly as `npm start` does (scripts/start.js: the packed .vsix installed
// offline, a fresh copy of examples/vault, Workspace Trust off), with today pinned — the sample's
// story day, or RAPPORT_UI_TODAY (the copy's story moves to that day) — for the extension host
// and every CLI call, so that no step depends on the machine's date; then checks, step by step:
// the Rapport icon in the activity bar, the Network view's groups and counts, an overdue
// follow-up in the Problems panel, and its "Snooze 1 week" quick fix; then the Network view in
// the light and high-contrast themes. Expected values come from the CLI run on the same vault
// copy, so the test follows the sample vault as it changes.
//
// Screenshots: test-results/ui/*.png (one per step, fail-*.png when a step fails).
// RAPPORT_UPDATE_SCREENSHOTS=1 also copies the README's two to media/screenshots/.
// RAPPORT_UI_HEADED=1 shows the browser (needs a display). Last line: "N passed, N failed".
'use strict';

const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { startRapport } = require('../../scripts/start');
const { findChromium, CHROMIUM_ARGS } = require('../../scripts/vscode-host/driver');

const ROOT = path.resolve(__dirname, '..', '..');
const SHOTS = path.join(ROOT, 'test-results', 'ui');
const README_SHOTS = path.join(ROOT, 'media', 'screenshots');
const VIEWPORT = { width: 1400, height: 900 };
// The day the whole test lives on: by default the sample's story day (so the README's screenshots
// match its examples), or any other day: the sample copy is moved to it.
const STORY_DAY = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', 'vault', '.rapport-sample.json'), 'utf8')).storyDay;
const TODAY = process.env.RAPPORT_UI_TODAY || STORY_DAY;
const THEMES = { dark: 'Default Dark Modern', light: 'Default Light Modern', hc: 'Default High Contrast' };
// the class the workbench puts on its root element for each kind of theme
const THEME_CLASS = { dark: 'vs-dark', light: 'vs', hc: 'hc-black' };
// the first index runs in the background after activation: be patient with the first views
const SLOW = 60_000;
const NORMAL = 20_000;

const log = (m) => console.log(`[ui] ${m}`);
const results = [];

/** Runs one check; a failure is recorded with a screenshot and the next steps still run. */
async function step(name, page, fn) {
  const t0 = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`  ✔ ${name} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
  } catch (e) {
    results.push({ name, ok: false, error: e });
    console.log(`  ✘ ${name}\n      ${String(e && e.message ? e.message : e).split('\n').slice(0, 12).join('\n      ')}`);
    const file = path.join(SHOTS, `fail-${results.length}-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase().slice(0, 50)}.png`);
    await page.screenshot({ path: file }).then(() => console.log(`      screenshot: ${path.relative(ROOT, file)}`), () => {});
  }
}

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

/** Moves the pointer to an empty part of the editor area: no hover highlight in the pictures. */
async function parkMouse(page) {
  await page.mouse.move(1000, 520);
}

async function shot(page, name) {
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** The CLI's view of the same vault on the same day: what the views should show. */
function cli(args) {
  return JSON.parse(execFileSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), ...args, '--format', 'json'], { encoding: 'utf8', env: { ...process.env, RAPPORT_TODAY: TODAY } }));
}

/** A contact whose explicit follow_up date has passed: the Snooze quick fix applies to it. */
function pickOverdueContact(check) {
  const due = check.problems.filter((p) => p.code === 'follow-up-due' && p.file.startsWith('contacts/'));
  return due.find((p) => /follow_up/.test(p.message)) || due[0];
}

/** Text of the editor's rendered lines (Monaco renders spaces as non-breaking ones). */
async function editorText(page) {
  const lines = await page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line').evaluateAll((els) =>
    els.map((e) => ({ top: parseFloat(e.style.top) || 0, text: e.textContent || '' })));
  return lines.sort((a, b) => a.top - b.top).map((l) => l.text.replace(/\u00a0/g, ' ')).join('\n');
}

/**
 * Waits (at most a few seconds, never failing) until the editor is fully painted: extensions
 * activated and the markdown grammar applied, so screenshots show the real colours.
 */
async function settleEditor(page) {
  await page.waitForFunction(() => {
    const busy = [...document.querySelectorAll('.part.statusbar .statusbar-item')].some((e) => /Activating Extensions/.test(e.textContent || ''));
    const classes = new Set([...document.querySelectorAll('.editor-group-container.active .monaco-editor .view-line span span')].map((e) => e.className));
    return !busy && classes.size > 2;
  }, null, { timeout: 10_000 }).catch(() => {});
}

/** Rewrites one entry of the user settings file code-server reads. */
function setUserSetting(settingsFile, key, value) {
  const settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
  settings[key] = value;
  fs.writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
}

async function main() {
  const t0 = Date.now();
  fs.rmSync(SHOTS, { recursive: true, force: true });
  fs.mkdirSync(SHOTS, { recursive: true });

  const app = await startRapport({
    log,
    today: TODAY,
    settings: {
      'workbench.colorTheme': THEMES.dark,
      'window.autoDetectColorScheme': false,
      'window.autoDetectHighContrast': false,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'editor.minimap.enabled': false,
      'chat.disableAIFeatures': true,
    },
  });
  log(`code-server on ${app.url}, vault copy ${app.folder} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
  const settingsFile = path.join(app.host.dirs.userData, 'User', 'settings.json');

  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: process.env.RAPPORT_UI_HEADED !== '1',
    args: CHROMIUM_ARGS,
    // we stop code-server ourselves on a signal (below); playwright still kills the browser
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
  });
  const stopAll = async () => {
    await browser.close().catch(() => {});
    await app.stop();
  };
  const onSignal = (sig) => { stopAll().finally(() => process.exit(sig === 'SIGINT' ? 130 : 143)); };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const pageErrors = [];
  try {
    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));

    const check = cli(['check', app.folder, '--fail-on', 'never']);
    const list = cli(['list', app.folder]);
    const overdue = pickOverdueContact(check);
    const groups = list.groups.filter((g) => g.contacts.length > 0);
    log(`the CLI sees ${check.problems.length} problems and ${groups.length} groups; overdue contact: ${overdue ? `${overdue.file}:${overdue.line}` : 'none'}`);

    await page.goto(app.folderUrl, { waitUntil: 'domcontentloaded', timeout: SLOW });
    await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: SLOW });
    const rapportIcon = page.locator('.part.activitybar li.action-item[aria-label^="Rapport"]');
    const sidebar = page.locator('.part.sidebar');
    let badgeBefore = 0;
    const groupRow = (label) => sidebar.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) });

    await step('the Rapport icon is in the activity bar', page, async () => {
      await rapportIcon.waitFor({ timeout: SLOW });
      const label = await rapportIcon.getAttribute('aria-label');
      assert(/^Rapport\b/.test(label), `aria-label: ${label}`);
      // the badge counts overdue follow-ups; wait for the first index to finish
      const deadline = Date.now() + SLOW;
      while (!/\d+ overdue/.test(await rapportIcon.getAttribute('aria-label')) && Date.now() < deadline) await page.waitForTimeout(250);
      badgeBefore = Number((/(\d+) overdue/.exec(await rapportIcon.getAttribute('aria-label')) || [])[1]);
      assert(badgeBefore > 0, `no overdue count on the icon: ${await rapportIcon.getAttribute('aria-label')}`);
    });

    await step('clicking it shows the Network view with each group and its count', page, async () => {
      await rapportIcon.click();
      await sidebar.locator('.pane-header', { hasText: 'Network' }).waitFor({ timeout: NORMAL });
      assert(groups.length > 0, 'the CLI lists no groups in the sample vault');
      const first = groupRow(groups[0].label);
      await first.waitFor({ timeout: SLOW });
      // every group row on screen shows the number of contacts the CLI counts
      let seen = 0;
      for (const g of groups) {
        const row = groupRow(g.label);
        if ((await row.count()) === 0) continue; // scrolled out of the virtualised list
        const description = (await row.first().locator('.label-description').textContent()).trim();
        assert(description === String(g.contacts.length), `${g.label}: shows "${description}", the CLI counts ${g.contacts.length}`);
        seen++;
      }
      assert(seen >= Math.min(3, groups.length), `only ${seen} group rows are visible`);
      // the groups start expanded: the first group's contacts are listed under it
      const firstName = groups[0].contacts[0].name;
      await sidebar.locator('.monaco-list-row', { hasText: firstName }).first().waitFor({ timeout: NORMAL });
      await parkMouse(page);
      await shot(page, '01-activity-bar-network-dark');
    });

    await step('clicking a contact in the Network view opens its note', page, async () => {
      const contact = groups[0].contacts[0];
      await sidebar.locator('.monaco-list-row', { hasText: contact.name }).first().click();
      await page.locator('.tabs-container .tab.active', { hasText: path.basename(contact.file) }).waitFor({ timeout: NORMAL });
      await settleEditor(page);
      await parkMouse(page);
      await shot(page, '02-network-contact-dark');
    });

    const markers = page.locator('.markers-panel .monaco-list-row');
    const overdueMarker = () => markers.filter({ hasText: overdue.message.slice(0, 40) }).first();

    await step('the Problems panel lists the overdue follow-up', page, async () => {
      assert(overdue, 'the CLI finds no contact with a follow-up-due problem in the sample vault');
      await page.locator('.part.sidebar').click({ position: { x: 100, y: 5 } }); // focus the workbench
      await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel').waitFor({ timeout: NORMAL });
      await overdueMarker().waitFor({ timeout: SLOW });
      const text = await overdueMarker().textContent();
      assert(/follow-up-due|rapport/.test(text), `marker text has neither the rule code nor the source: ${text}`);
      // the status bar's problem counts are the CLI's (hints do not count in VS Code)
      const bySeverity = (sev) => check.problems.filter((p) => p.severity === sev).length;
      const expected = `Errors: ${bySeverity('error')}, Warnings: ${bySeverity('warning')}, Infos: ${bySeverity('info')}`;
      const counts = page.locator('.part.statusbar [aria-label^="Errors:"]').first();
      const deadline = Date.now() + NORMAL;
      while ((await counts.getAttribute('aria-label')) !== expected && Date.now() < deadline) await page.waitForTimeout(250);
      assert((await counts.getAttribute('aria-label')) === expected, `status bar: ${await counts.getAttribute('aria-label')}, the CLI: ${expected}`);
      await parkMouse(page);
      await shot(page, '03-problems-dark');
    });

    const vaultFile = overdue && path.join(app.folder, overdue.file);
    const before = vaultFile && fs.existsSync(vaultFile) ? fs.readFileSync(vaultFile, 'utf8') : '';

    await step('Quick Fix on the overdue line offers "Snooze 1 week"', page, async () => {
      assert(!/^snooze_until:/m.test(before), `${overdue.file} already has snooze_until`);
      // opening the problem puts the cursor on the diagnostic's line
      await overdueMarker().click();
      await page.keyboard.press('Enter');
      const tab = page.locator('.tabs-container .tab.active', { hasText: path.basename(overdue.file) });
      await tab.waitFor({ timeout: NORMAL });
      await page.locator('.editor-group-container.active .monaco-editor .view-lines').waitFor({ timeout: NORMAL });
      // put the cursor on the diagnostic's line, as a user would: click the end of its text
      const lineText = before.split(/\r?\n/)[overdue.line - 1].trim();
      assert(lineText, `line ${overdue.line} of ${overdue.file} is empty`);
      const line = page.locator('.editor-group-container.active .monaco-editor .view-line')
        .filter({ hasText: lineText.replace(/ /g, '\u00a0') }).first();
      const box = await line.locator('span').first().boundingBox();
      await page.mouse.click(box.x + box.width - 2, box.y + box.height / 2);
      const position = page.locator('#status\\.editor\\.selection');
      await position.filter({ hasText: new RegExp(`^\\s*Ln ${overdue.line}, Col \\d+\\s*$`) }).waitFor({ timeout: NORMAL });
      await settleEditor(page);
      await parkMouse(page);
      await shot(page, '04-note-with-problem-dark');
      await page.keyboard.press('Control+.');
      const item = page.locator('.action-widget .monaco-list-row', { hasText: 'Snooze 1 week' });
      await item.waitFor({ timeout: NORMAL });
      await parkMouse(page);
      await shot(page, '05-quickfix-menu-dark');
    });

    await step('applying "Snooze 1 week" writes snooze_until into the note', page, async () => {
      await page.locator('.action-widget .monaco-list-row', { hasText: 'Snooze 1 week' }).click();
      await page.waitForFunction(() => {
        const lines = [...document.querySelectorAll('.editor-group-container.active .monaco-editor .view-lines .view-line')];
        return lines.some((l) => /snooze_until:/.test((l.textContent || '').replace(/\u00a0/g, ' ')));
      }, null, { timeout: NORMAL });
      const text = await editorText(page);
      const m = /snooze_until: (\d{4}-\d{2}-\d{2})/.exec(text);
      assert(m, `no snooze_until date in the editor:\n${text}`);
      // one week from the CLI's today, the same calendar arithmetic in both
      const [y, mo, d] = check.today.split('-').map(Number);
      const expected = new Date(Date.UTC(y, mo - 1, d + 7)).toISOString().slice(0, 10);
      assert(m[1] === expected, `snooze_until is ${m[1]}, expected ${expected}`);
    });

    await step('the snoozed follow-up leaves the Problems panel and the overdue badge', page, async () => {
      // VS Code saves a file a quick fix changed if it had no unsaved changes before
      // (files.refactoring.autoSave, on by default); otherwise the user saves
      const snoozed = () => /^snooze_until: \d{4}-\d{2}-\d{2}$/m.test(fs.readFileSync(vaultFile, 'utf8'));
      let deadline = Date.now() + 3000;
      while (!snoozed() && Date.now() < deadline) await page.waitForTimeout(100);
      if (!snoozed()) await page.keyboard.press('Control+S');
      deadline = Date.now() + NORMAL;
      while (!snoozed() && Date.now() < deadline) await page.waitForTimeout(100);
      assert(snoozed(), 'the file on disk has no snooze_until line');
      await overdueMarker().waitFor({ state: 'detached', timeout: NORMAL });
      const overdueCount = async () => Number((/(\d+) overdue/.exec(await rapportIcon.getAttribute('aria-label')) || [])[1] || 0);
      deadline = Date.now() + NORMAL;
      while ((await overdueCount()) !== badgeBefore - 1 && Date.now() < deadline) await page.waitForTimeout(250);
      assert((await overdueCount()) === badgeBefore - 1, `the badge says ${await overdueCount()} overdue, was ${badgeBefore}`);
      await parkMouse(page);
      await shot(page, '06-after-snooze-dark');
    });

    const waiting = check.problems.find((p) => p.code === 'awaiting-reply' && p.file.startsWith('contacts/'));

    await step('from an overdue follow-up to a filled email in two actions (Ctrl+. and the email fix)', page, async () => {
      assert(waiting, 'the CLI finds no awaiting-reply problem in the sample vault');
      const marker = markers.filter({ hasText: waiting.message.slice(0, 40) }).first();
      if (!(await marker.isVisible())) await page.keyboard.press('Control+Shift+M');
      await marker.waitFor({ timeout: NORMAL });
      await marker.click();
      await page.keyboard.press('Enter');
      await page.locator('.tabs-container .tab.active', { hasText: path.basename(waiting.file) }).waitFor({ timeout: NORMAL });
      await settleEditor(page);
      await page.keyboard.press('Control+.');
      const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Insert the email' }).first();
      await fix.waitFor({ timeout: NORMAL });
      // Choose it with the keyboard, as many users do (the menu blocks the pointer while it opens).
      const focused = page.locator('.action-widget .monaco-list-row.focused');
      for (let i = 0; i < 15 && !/Insert the email/.test((await focused.getAttribute('aria-label').catch(() => '')) || ''); i++) {
        await page.keyboard.press('ArrowDown');
      }
      await parkMouse(page);
      await shot(page, '07a-email-fix-dark');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => [...document.querySelectorAll('.editor-group-container.active .monaco-editor .view-lines .view-line')]
        .some((l) => /Draft:/.test(l.textContent || '')), null, { timeout: NORMAL });
      const text = await editorText(page);
      const surname = waiting.contact.split(' ').pop();
      assert(new RegExp(`Dr\\. ${surname}`).test(text), `the email is addressed to Dr. ${surname}:\n${text}`);
      assert(!/\{\{/.test(text), `a {{placeholder}} was left in the email:\n${text}`);
      await parkMouse(page);
      await shot(page, '07-template-dark');
      await page.keyboard.press('Escape');
    });

    for (const kind of ['light', 'hc']) {
      await step(`the Network view in ${THEMES[kind]}`, page, async () => {
        // the web workbench reads the user settings at load and does not watch the file: reload
        setUserSetting(settingsFile, 'workbench.colorTheme', THEMES[kind]);
        await page.reload({ waitUntil: 'domcontentloaded', timeout: SLOW });
        await page.locator(`.monaco-workbench.${THEME_CLASS[kind]}`).waitFor({ timeout: SLOW });
        await rapportIcon.waitFor({ timeout: SLOW });
        if (!(await rapportIcon.evaluate((e) => e.classList.contains('checked')))) await rapportIcon.click();
        // the Problems panel closed: the tree gets the room
        if (await page.locator('.part.panel .markers-panel').isVisible()) await page.keyboard.press('Control+J');
        await groupRow(groups[0].label).waitFor({ timeout: NORMAL });
        await parkMouse(page);
        // after the reload the problems come back from the extension host, and with them the
        // tree rows' colours and counts: wait for the status bar's problem counts, then settle
        await page.locator('.part.statusbar [aria-label^="Errors:"]').first().waitFor({ timeout: SLOW });
        await page.waitForTimeout(1500);
        await shot(page, `0${kind === 'light' ? 7 : 8}-network-${kind === 'hc' ? 'high-contrast' : 'light'}`);
      });
    }

    await step('the extension host logged no error from Rapport', page, async () => {
      const errors = hostLogErrors(app.host.dirs.userData);
      assert(errors.length === 0, `extension host log:\n${errors.slice(0, 10).join('\n')}`);
    });
  } finally {
    if (pageErrors.length) log(`page errors (not failures): ${[...new Set(pageErrors)].slice(0, 5).join(' | ')}`);
    await stopAll();
  }

  if (process.env.RAPPORT_UPDATE_SCREENSHOTS === '1' && results.every((r) => r.ok)) {
    fs.mkdirSync(README_SHOTS, { recursive: true });
    for (const [from, to] of [['05-quickfix-menu-dark', 'quickfix'], ['07-template-dark', 'template']]) {
      fs.copyFileSync(path.join(SHOTS, `${from}.png`), path.join(README_SHOTS, `${to}.png`));
    }
    log(`copied the README screenshots to ${path.relative(ROOT, README_SHOTS)}/`);
  }
  log(`screenshots in ${path.relative(ROOT, SHOTS)}/, ${((Date.now() - t0) / 1000).toFixed(1)}s in all`);
}

/** Error lines about Rapport in the remote extension host's logs. */
function hostLogErrors(userData) {
  const found = [];
  const walk = (dir) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/exthost.*\.log$/i.test(e.name)) {
        for (const line of fs.readFileSync(p, 'utf8').split('\n')) {
          if (/\[error\]/i.test(line) && /rapport/i.test(line)) found.push(`${path.basename(p)}: ${line}`);
        }
      }
    }
  };
  walk(path.join(userData, 'logs'));
  return found;
}

main().then(
  () => {
    const failed = results.filter((r) => !r.ok).length;
    console.log(`${results.length - failed} passed, ${failed} failed`);
    process.exit(failed ? 1 : 0);
  },
  (e) => {
    console.error(`ui test could not run: ${e && e.stack ? e.stack : e}`);
    // the run itself counts as one failure beside the steps that did run
    const failed = results.filter((r) => !r.ok).length;
    console.log(`${results.length - failed} passed, ${failed + 1} failed`);
    process.exit(1);
  },
);
