// Drives code-server's web workbench in Debian's headless Chromium (playwright-core, no
// browser download) so that it runs an extension test suite in the Node extension host.
//
// The workbench reports back through two functions it looks for on `window`:
//   codeAutomationLog(level, message)  every log line of the workbench, including the
//                                      extension host's console (the test reporter's output)
//   codeAutomationExit(code)           the suite's result; 0 = every test passed
// Both are exposed on the page before navigation.
'use strict';

const fs = require('fs');
const path = require('path');
const util = require('util');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

function findChromium() {
  const candidates = [process.env.RAPPORT_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  const found = candidates.find((c) => fs.existsSync(c));
  if (!found) throw new Error(`Chromium not found (looked at ${candidates.join(', ')}): run scripts/ci-system-deps.sh, or set RAPPORT_CHROMIUM`);
  return found;
}

/** The workbench URL that opens `folder` and runs the tests in the extension host. */
function workbenchUrl({ baseUrl, folder, extensionDevelopmentPath, extensionTestsPath }) {
  const authority = new URL(baseUrl).host; // 127.0.0.1:<port>
  const remote = (p) => `vscode-remote://${authority}${encodeURI(path.resolve(p).split(path.sep).join('/'))}`;
  const payload = [
    ['extensionDevelopmentPath', remote(extensionDevelopmentPath)],
    ['extensionTestsPath', remote(extensionTestsPath)],
    // the extension declares `browser` too: without this the web workbench runs the development
    // copy in its web worker, not in the Node host where the tests run
    ['extensionDevelopmentKind', 'workspace'],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  const q = new URLSearchParams();
  if (folder) q.set('folder', path.resolve(folder));
  q.set('payload', JSON.stringify(payload));
  return `${baseUrl}/?${q.toString()}`;
}

// Workbench log lines that are noise in a test run: the web workbench's own start-up chatter
// and complaints about what a headless, offline browser lacks. RAPPORT_HOST_VERBOSE=1 shows them.
const NOISE = [
  /^\[driver\]/,
  /^Resolving connection token|^Resolved connection token/,
  /^Creating a socket|^Updating additional builtin extensions cache/,
  /^Ignoring fetching additional builtin extensions from gallery/,
  /^ChatSessionStore:/,
  /Ignoring the error while validating workspace folder/,
  /^DialogService: refused to show dialog in tests\. Contents: Do you trust the authors/, // Restricted Mode
  /Failed to load resource/,
  /service ?worker/i,
  /getaddrinfo|ENOTFOUND|ERR_NAME_NOT_RESOLVED|ERR_INTERNET_DISCONNECTED/,
];

/**
 * Runs the suite and resolves with its exit code (never rejects for a failing suite; rejects
 * when the browser or workbench could not be driven, or on timeout).
 */
async function runSuiteInBrowser({
  baseUrl, folder, extensionDevelopmentPath, extensionTestsPath,
  timeoutMs = 5 * 60 * 1000,
  screenshotPath,
  verbose = !!process.env.RAPPORT_HOST_VERBOSE,
  out = (line) => process.stdout.write(line + '\n'),
  err = (line) => process.stderr.write(line + '\n'),
}) {
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS, timeout: 60000,
    // the caller handles signals (it must stop code-server too); playwright still kills the
    // browser when this process exits
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
  });
  let timer;
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();

    let resolveExit;
    const exited = new Promise((r) => { resolveExit = r; });
    await page.exposeFunction('codeAutomationLog', (level, args) => {
      // args = [format, ...values] as given to console.log in the extension host (mocha's
      // reporter uses printf-style formats), or to the workbench's logger. The extension host's
      // console.log/info arrive at level 'info', console.warn/error at 'warn'/'error'.
      const text = Array.isArray(args) ? util.format(...args) : String(args);
      if (!verbose && NOISE.some((re) => re.test(text))) return;
      if (level === 'error' || level === 'warn') {
        err(text);
      } else if (level === 'info') {
        out(text);
      } else if (verbose) {
        out(`[${level}] ${text}`);
      }
    });
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(typeof code === 'number' ? code : 1));
    page.on('pageerror', (e) => { if (verbose) err(`[page error] ${e.message}`); });
    if (verbose) page.on('console', (m) => err(`[browser ${m.type()}] ${m.text()}`));

    const timedOut = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`extension test run did not finish within ${Math.round(timeoutMs / 1000)}s`)), timeoutMs);
    });
    const crashed = new Promise((_, reject) => page.on('crash', () => reject(new Error('the workbench page crashed'))));
    // handled through the race below; these keep a late rejection from being "unhandled"
    timedOut.catch(() => {});
    crashed.catch(() => {});

    const url = workbenchUrl({ baseUrl, folder, extensionDevelopmentPath, extensionTestsPath });
    if (verbose) err(`[driver] opening ${url}`);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60000 });

    let code;
    try {
      code = await Promise.race([exited, timedOut, crashed]);
    } finally {
      if (screenshotPath) {
        try {
          fs.mkdirSync(path.dirname(screenshotPath), { recursive: true });
          await page.screenshot({ path: screenshotPath, timeout: 15000 });
          err(`[driver] screenshot saved to ${screenshotPath}`);
        } catch (e) {
          err(`[driver] screenshot failed: ${e.message}`);
        }
      }
    }
    return code;
  } finally {
    clearTimeout(timer);
    await browser.close().catch(() => {});
  }
}

module.exports = { runSuiteInBrowser, workbenchUrl, findChromium, CHROMIUM_ARGS };
