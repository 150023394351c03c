// The in-host half of `npm run bench:extension` (scripts/bench-extension.js): it runs inside
// code-server's extension host, on a synthetic vault the runner generated, and measures what
// a user waits for — activation to an indexed vault, a save to its diagnostics, the trees —
// plus the host's memory. Not a test: nothing here fails on a slow number; it only records.
//
// The runner opens a workspace whose vault lies two folders down and is found through
// `rapport.vaultPath`, so that no `workspaceContains` activation event matches and this
// bench is the one that activates the extension (and can time it).
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import * as v8 from 'v8';
import * as vm from 'vm';
import * as vscode from 'vscode';
import { toDiagnostic } from '../../src/vscode/convert';
import type { CalendarDate } from '../../src/core/dates';
import { parseNote } from '../../src/core/parseNote';
import { evaluateNote, evaluateNotes } from '../../src/core/rules';
import type { ChangeSet } from '../../src/core/vault';
import type { ContactNote } from '../../src/core/types';
import type { RapportApi } from '../../src/vscode/api';
import type { SessionChange, VaultSession } from '../../src/vscode/session';
import type { TreeNode } from '../../src/vscode/tree/treeNodes';

const EXTENSION_ID = 'rapport-dev.rapport';
const SAVES = Number(process.env.RAPPORT_BENCH_SAVES) || 20;
const VISIBLE_SAVES = Number(process.env.RAPPORT_BENCH_VISIBLE_SAVES) || 8;
const WAIT_MS = 5_000;
/** A series stops after this many changes in a row that never showed their diagnostic. */
const GIVE_UP_AFTER = 3;

export interface Stats {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

export interface Mem {
  rssMB: number;
  heapUsedMB: number;
  heapTotalMB: number;
  externalMB: number;
}

/** Filled as the bench goes, so that a failure half-way still reports what was measured. */
export interface BenchResults {
  size: number;
  notes: number;
  contacts: number;
  node: string;
  activeBeforeBench: boolean;
  gc: 'global.gc' | 'v8 flag' | 'none';
  activation?: {
    activateMs: number;
    firstFullChangeMs: number;
    whenReadyMs: number;
    networkGroupsMs: number;
    groups: number;
    groupedContacts: number;
    diagnosticsInHostMs: number | null;
    diagnosticsEventMs: number | null;
    mainThreadCaughtUpMs: number;
    filesWithDiagnostics: number;
    expectedFiles: number;
    diagnostics: number;
  };
  memory: Record<string, Mem>;
  /** The longest time the host's event loop was blocked (ms), per phase; the issue's bound is 50 ms. */
  blocking?: { coldIndexMs: number; coldIndexSessionSliceMs: number; burst?: { notes: number; toIndexedMs: number; blockedMs: number; sessionSliceMs: number } };
  /** The vault opened again from the snapshot the first session saved (host.start(), as a new window does). */
  warm?: { from: string | undefined; saveMs: number; whenReadyMs: number; networkGroupsMs: number; groups: number; revalidatedMs: number; blockedMs: number; sessionSliceMs: number };
  trees: Record<string, Stats>;
  perChange: Record<string, Stats>;
  saves?: SaveSeries;
  diskWrites?: SaveSeries;
  visible?: { renderMs: number | null; treeItemsAtOpen: number; followUpItemsAtOpen: number; saves: SaveSeries };
  notes_: string[];
}

export interface SaveSeries {
  /** From the start of the edit (applyEdit + save) to the follow-up-due diagnostic. */
  toDiagnostic: Stats;
  /** From `doc.save()` resolving (or the disk write) to that diagnostic; negative when the buffer edit got there first. */
  fromSave: Stats;
  /** The session's own update, from the same start. */
  sessionUpdate: Stats;
  /** Session changes that included the saved note, per save (1 = one re-evaluation). */
  sessionChangesPerSave: number[];
  /** onDidChangeDiagnostics events naming the saved note, per save. */
  diagnosticEventsPerSave: number[];
  /** Network getTreeItem calls per save (only counted while the view is visible). */
  treeItemCallsPerSave?: number[];
  /** Follow-ups getTreeItem calls per save (likewise). */
  followUpItemCallsPerSave?: number[];
  failures: number;
}

type Log = (message: string) => void;

/** Notes whose `doc.save()` returned false (reported; the bench goes on). */
const saveFailures: string[] = [];

function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  if (s.length === 0) return { n: 0, median: NaN, p95: NaN, min: NaN, max: NaN };
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
  const mid = s.length % 2 === 1 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return { n: s.length, median: mid, p95: at(0.95), min: s[0], max: s[s.length - 1] };
}

/**
 * Times `fn` (after one uncounted warm-up call), yielding to the host between runs so that
 * the bench's own loops never keep the extension host from answering the workbench.
 */
async function time<T>(fn: () => T, runs: number): Promise<{ stats: Stats; last: T }> {
  let last = fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    await sleep(0);
    const t = performance.now();
    last = fn();
    samples.push(performance.now() - t);
  }
  return { stats: stats(samples), last };
}

/**
 * Measures how long the host's event loop is blocked: a timer chain that notes the gap
 * between its ticks (less the 1 ms a zero timer waits anyway). The longest gap while work
 * runs is the longest the host could not answer anything — a hover, a completion, the UI.
 */
function blockMonitor(): { stop(): number } {
  let last = performance.now();
  let longest = 0;
  let running = true;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last - 1);
    last = now;
    if (running) setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  return {
    stop() {
      running = false;
      return Math.max(0, longest);
    },
  };
}

/**
 * A `git pull` that changes many notes at once: a separate process appends a line to each
 * (so the writes cost the host nothing), then the bench waits until the session has
 * re-indexed every one, watching how long the host's event loop is blocked meanwhile.
 */
async function burst(session: VaultSession, count: number, log: Log): Promise<{ notes: number; toIndexedMs: number; blockedMs: number; sessionSliceMs: number }> {
  const paths = session.vault.contacts().slice(0, count).map((c) => c.path);
  const pending = new Set(paths);
  const files = paths.map((p) => path.join(session.root, ...p.split('/')));
  const listFile = path.join(session.root, '..', `burst-${process.pid}.json`);
  fs.writeFileSync(listFile, JSON.stringify(files));
  session.longestSliceMs = 0;
  const sub = session.onDidChange((c) => { for (const p of c.changed) pending.delete(p); });
  const monitor = blockMonitor();
  const t0 = performance.now();
  const script = `const fs=require('fs');for(const f of JSON.parse(fs.readFileSync(${JSON.stringify(listFile)},'utf8')))fs.appendFileSync(f,'\\nPulled from the shared vault.\\n');`;
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => { stderr += b.toString(); });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the writer exited with ${code}: ${stderr.slice(0, 500)}`))));
  });
  for (let waited = 0; pending.size > 0 && waited < 120_000; waited += 50) await sleep(50);
  const toIndexedMs = performance.now() - t0;
  const blockedMs = monitor.stop();
  sub.dispose();
  fs.rmSync(listFile, { force: true });
  if (pending.size > 0) log(`burst: ${pending.size} of ${paths.length} notes never re-indexed`);
  log(`burst of ${paths.length} changed notes: indexed in ${toIndexedMs.toFixed(0)} ms, host blocked at most ${blockedMs.toFixed(1)} ms`);
  return { notes: paths.length - pending.size, toIndexedMs, blockedMs, sessionSliceMs: session.longestSliceMs };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;

function memory(): Mem {
  const m = process.memoryUsage();
  return { rssMB: mb(m.rss), heapUsedMB: mb(m.heapUsed), heapTotalMB: mb(m.heapTotal), externalMB: mb(m.external) };
}

/**
 * A full collection, so heap numbers are what is live and not what the collector has not
 * got to yet. The host does not start with --expose-gc; turning the flag on at run time and
 * taking `gc` from a fresh context is V8's documented way to get it anyway.
 */
function findGc(): { gc: (() => void) | undefined; how: BenchResults['gc'] } {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (typeof existing === 'function') return { gc: existing, how: 'global.gc' };
  try {
    v8.setFlagsFromString('--expose-gc');
    const fn: unknown = vm.runInNewContext('gc');
    if (typeof fn === 'function') return { gc: () => (fn as () => void)(), how: 'v8 flag' };
  } catch {
    // no collector to call: the numbers are reported as they are
  }
  return { gc: undefined, how: 'none' };
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

function rapportDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'rapport');
}

/** Files with at least one Rapport diagnostic, and how many diagnostics in all. */
function countDiagnostics(): { files: number; diagnostics: number } {
  let files = 0;
  let diagnostics = 0;
  for (const [, list] of vscode.languages.getDiagnostics()) {
    const n = list.filter((d) => d.source === 'rapport').length;
    if (n > 0) files++;
    diagnostics += n;
  }
  return { files, diagnostics };
}

function hasDueAt(uri: vscode.Uri, line: number): boolean {
  return rapportDiagnostics(uri).some((d) => codeOf(d) === 'follow-up-due' && d.range.start.line === line);
}

/**
 * Every command the extension host cannot run itself goes to the workbench, in order with the
 * diagnostics already sent: when this returns, the workbench has taken all of them in.
 */
async function mainThreadRoundTrip(n: number): Promise<void> {
  await vscode.commands.executeCommand('setContext', 'rapportBench.sync', n);
}

function addDays(date: CalendarDate, days: number): CalendarDate {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Counts calls of a tree's getTreeItem and getChildren (the view calls through the object, so an own property wins). */
function countTreeCalls(tree: vscode.TreeDataProvider<TreeNode>): { items: number; children: number; last: number; restore(): void } {
  const counter = { items: 0, children: 0, last: 0, restore: () => {} };
  const getTreeItem = tree.getTreeItem.bind(tree);
  const getChildren = tree.getChildren.bind(tree);
  tree.getTreeItem = (node: TreeNode) => {
    counter.items++;
    counter.last = performance.now();
    return getTreeItem(node);
  };
  tree.getChildren = (node?: TreeNode) => {
    counter.children++;
    counter.last = performance.now();
    return getChildren(node);
  };
  counter.restore = () => {
    tree.getTreeItem = getTreeItem;
    tree.getChildren = getChildren;
  };
  return counter;
}

/**
 * Contacts whose `follow_up` line has no follow-up-due now but gets one when the date is set
 * to `date` (checked with the core's own rules on the edited text: a contact with a message
 * logged after the date, or a paused one, would never show it).
 */
function candidates(session: VaultSession, date: CalendarDate, want: number): { note: ContactNote; uri: vscode.Uri; line: number }[] {
  const out: { note: ContactNote; uri: vscode.Uri; line: number }[] = [];
  const dueAt = (list: readonly { code: string; range: { start: { line: number } } }[], line: number) => list.some((f) => f.code === 'follow-up-due' && f.range.start.line === line);
  for (const note of session.vault.contacts()) {
    const line = note.keyLines['follow_up'];
    if (line === undefined || dueAt(session.followUps(note.path), line)) continue;
    const uri = session.uriOf(note.path);
    const lines = fs.readFileSync(uri.fsPath, 'utf8').split('\n');
    lines[line] = `follow_up: ${date}`;
    const edited = parseNote(note.path, lines.join('\n'));
    if (!dueAt(evaluateNote(session.vault, edited, session.today, session.settings), line)) continue;
    out.push({ note, uri, line });
    if (out.length >= want) break;
  }
  return out;
}

/**
 * The extension host forwards at most 1,100 diagnostics to the workbench per `set(entries)`
 * call and silently drops the rest (extHostDiagnostics.ts, `_maxDiagnosticsTotal`), so a
 * batch must stay under it: chunks of at most this many diagnostics.
 */
const BATCH_LIMIT = 1000;

/**
 * Publishing the same diagnostics as the extension does on a full re-evaluation (a `set` or a
 * `delete` per note, each one message to the workbench) against batches of `set(entries)`
 * under the host's cap, each timed until the workbench has taken them in. Uses a collection
 * of its own and clears it afterwards.
 */
async function publishCost(session: VaultSession): Promise<{ oneByOne: number; oneByOneSync: number; calls: number; batched: number; batchedSync: number; batches: number }> {
  const entries: [vscode.Uri, vscode.Diagnostic[]][] = session.vault.paths().map((p) => [session.uriOf(p), session.problems(p).map(toDiagnostic)]);
  const collection = vscode.languages.createDiagnosticCollection('rapport-bench');
  try {
    let t = performance.now();
    for (const [uri, list] of entries) {
      if (list.length === 0) collection.delete(uri);
      else collection.set(uri, list);
    }
    const oneByOneSync = performance.now() - t;
    await mainThreadRoundTrip(100);
    const oneByOne = performance.now() - t;
    collection.clear();
    await mainThreadRoundTrip(101);
    t = performance.now();
    let batches = 0;
    let chunk: [vscode.Uri, vscode.Diagnostic[]][] = [];
    let size = 0;
    const flush = () => {
      if (chunk.length === 0) return;
      collection.set(chunk);
      batches++;
      chunk = [];
      size = 0;
    };
    for (const entry of entries) {
      if (entry[1].length === 0) continue; // after clear() there is nothing to delete
      if (size + entry[1].length > BATCH_LIMIT) flush();
      chunk.push(entry);
      size += entry[1].length;
    }
    flush();
    const batchedSync = performance.now() - t;
    await mainThreadRoundTrip(102);
    const batched = performance.now() - t;
    return { oneByOne, oneByOneSync, calls: entries.length, batched, batchedSync, batches };
  } finally {
    collection.clear();
    collection.dispose();
  }
}

interface OneSave {
  toDiagnostic: number;
  fromSave: number;
  sessionUpdate: number;
  sessionChanges: number;
  diagnosticEvents: number;
  treeItemCalls: number;
  followUpItemCalls?: number;
}

/**
 * Runs one change (an editor edit + save, or a write on disk) and waits for the follow-up-due
 * diagnostic on the `follow_up` line; then lets the dust settle (the disk watcher's second
 * round) so that the counts cover everything the one change caused.
 */
async function measureChange(
  session: VaultSession,
  target: { note: ContactNote; uri: vscode.Uri; line: number },
  act: () => Promise<number>,
  log: Log,
  tree?: { items: number },
): Promise<OneSave | undefined> {
  const rel = target.note.path;
  const key = target.uri.toString();
  const sessionTimes: number[] = [];
  let diagnosticEvents = 0;
  let resolveSeen: (t: number) => void = () => {};
  const seen = new Promise<number>((r) => { resolveSeen = r; });
  const subs = [
    session.onDidChange((c: SessionChange) => {
      if (c.changed.includes(rel) || c.removed.includes(rel)) sessionTimes.push(performance.now());
    }),
    vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === key)) return;
      diagnosticEvents++;
      if (hasDueAt(target.uri, target.line)) resolveSeen(performance.now());
    }),
  ];
  const itemsBefore = tree?.items ?? 0;
  try {
    const t0 = performance.now();
    const saved = await act();
    const shown = await Promise.race([seen, sleep(WAIT_MS).then(() => undefined)]);
    if (shown === undefined) {
      log(`no follow-up-due on line ${target.line} of ${rel} after ${WAIT_MS} ms: ${sessionTimes.length} session updates, ${diagnosticEvents} diagnostics events; `
        + `now: ${rapportDiagnostics(target.uri).map((d) => `${d.range.start.line}:${codeOf(d)}`).join(' ')}`);
      return undefined;
    }
    // The save also reaches the session through the file watcher: wait for that second round (or give up after 1.5 s).
    const settleUntil = saved + 1500;
    while (sessionTimes.length < 2 && performance.now() < settleUntil) await sleep(20);
    await sleep(300);
    return {
      toDiagnostic: shown - t0,
      fromSave: shown - saved,
      sessionUpdate: (sessionTimes[0] ?? NaN) - t0,
      sessionChanges: sessionTimes.length,
      diagnosticEvents,
      treeItemCalls: (tree?.items ?? 0) - itemsBefore,
    };
  } finally {
    for (const s of subs) s.dispose();
  }
}

function series(list: (OneSave | undefined)[], withTree: boolean): SaveSeries {
  const ok = list.filter((x): x is OneSave => x !== undefined);
  return {
    toDiagnostic: stats(ok.map((x) => x.toDiagnostic)),
    fromSave: stats(ok.map((x) => x.fromSave)),
    sessionUpdate: stats(ok.map((x) => x.sessionUpdate).filter((x) => !Number.isNaN(x))),
    sessionChangesPerSave: ok.map((x) => x.sessionChanges),
    diagnosticEventsPerSave: ok.map((x) => x.diagnosticEvents),
    ...(withTree ? { treeItemCallsPerSave: ok.map((x) => x.treeItemCalls), followUpItemCallsPerSave: ok.map((x) => x.followUpItemCalls ?? 0) } : {}),
    failures: list.length - ok.length,
  };
}

async function editorSave(session: VaultSession, target: { note: ContactNote; uri: vscode.Uri; line: number }, date: CalendarDate, log: Log, tree?: { items: number }): Promise<OneSave | undefined> {
  const doc = await vscode.workspace.openTextDocument(target.uri);
  return measureChange(session, target, async () => {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(target.uri, doc.lineAt(target.line).range, `follow_up: ${date}`);
    if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`the edit of ${target.note.path} was refused`);
    const saving = performance.now();
    if (!(await doc.save())) {
      // Not fatal: the buffer edit alone still updates the diagnostics; the series records it.
      log(`save() of ${target.note.path} returned false after ${(performance.now() - saving).toFixed(0)} ms (dirty: ${doc.isDirty})`);
      saveFailures.push(target.note.path);
    }
    return performance.now();
  }, log, tree);
}

async function diskWrite(session: VaultSession, target: { note: ContactNote; uri: vscode.Uri; line: number }, date: CalendarDate, log: Log): Promise<OneSave | undefined> {
  const text = fs.readFileSync(target.uri.fsPath, 'utf8');
  const updated = text.replace(/^follow_up:.*$/m, `follow_up: ${date}`);
  return measureChange(session, target, () => {
    fs.writeFileSync(target.uri.fsPath, updated);
    return Promise.resolve(performance.now());
  }, log);
}

/** Runs `one` per target; stops early when the last few all failed (a watcher that never reports would otherwise eat the timeout). */
async function runSeries<T>(targets: T[], one: (t: T) => Promise<OneSave | undefined>): Promise<(OneSave | undefined)[]> {
  const out: (OneSave | undefined)[] = [];
  for (const t of targets) {
    out.push(await one(t));
    if (out.length >= GIVE_UP_AFTER && out.slice(-GIVE_UP_AFTER).every((x) => x === undefined)) break;
  }
  return out;
}

/** `checkpoint` writes what has been measured so far (the runner prints it even when a later step hangs). */
export async function runExtensionBench(results: BenchResults, log: Log, checkpoint: () => void = () => {}): Promise<void> {
  const { gc, how } = findGc();
  results.gc = how;
  const settle = async () => {
    if (gc) {
      gc();
      await sleep(50);
      gc();
    }
  };

  const ext = vscode.extensions.getExtension<RapportApi>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not installed in the host`);
  results.activeBeforeBench = ext.isActive;
  if (ext.isActive) results.notes_.push('the extension was already active when the bench started: activation times are not meaningful');

  // --- 1. activation to an indexed vault ---------------------------------------------------
  await settle();
  results.memory.beforeActivation = memory();
  const diagnosticEvents: { t: number; files: number }[] = [];
  const diagSub = vscode.languages.onDidChangeDiagnostics(() => diagnosticEvents.push({ t: performance.now(), files: countDiagnostics().files }));
  const wallStart = Date.now();
  const coldMonitor = blockMonitor();
  const t0 = performance.now();
  const host = await ext.activate();
  const activateMs = performance.now() - t0;
  const session = host.session;
  if (!session) throw new Error(`no vault session started (is rapport.vaultPath right?); state after ${Date.now() - wallStart} ms`);
  let firstFull = NaN;
  let inHost: { t: number; files: number } | undefined;
  const fullSub = session.onDidChange((c) => {
    if (!c.all || !Number.isNaN(firstFull)) return;
    firstFull = performance.now();
    // Listeners run in order and the diagnostics subscribed first: they are published by now.
    setTimeout(() => { inHost = { t: performance.now(), files: countDiagnostics().files }; }, 0);
  });
  await session.whenReady();
  const whenReadyMs = performance.now() - t0;
  results.blocking = { coldIndexMs: coldMonitor.stop(), coldIndexSessionSliceMs: session.longestSliceMs };
  const groups = host.network!.getChildren() as Extract<TreeNode, { type: 'group' }>[];
  const networkGroupsMs = performance.now() - t0;
  await mainThreadRoundTrip(1);
  const mainThreadCaughtUpMs = performance.now() - t0;
  fullSub.dispose();
  const expectedFiles = session.vault.paths().filter((p) => session.problems(p).length > 0).length + (session.settingsErrors.length > 0 ? 1 : 0);
  // the change event is debounced by the host (50 ms): wait for it to report every file
  for (let i = 0; i < 100 && !diagnosticEvents.some((e) => e.files >= expectedFiles); i++) await sleep(50);
  diagSub.dispose();
  const event = diagnosticEvents.find((e) => e.files >= expectedFiles);
  const counted = countDiagnostics();
  results.notes = session.vault.size;
  results.contacts = session.vault.contacts().length;
  results.activation = {
    activateMs,
    firstFullChangeMs: firstFull - t0,
    whenReadyMs,
    networkGroupsMs,
    groups: groups.length,
    groupedContacts: groups.reduce((n, g) => n + g.paths.length, 0),
    diagnosticsInHostMs: inHost && inHost.files >= expectedFiles ? inHost.t - t0 : null,
    diagnosticsEventMs: event ? event.t - t0 : null,
    mainThreadCaughtUpMs,
    filesWithDiagnostics: counted.files,
    expectedFiles,
    diagnostics: counted.diagnostics,
  };
  checkpoint();
  log(`indexed ${results.notes} notes: whenReady ${whenReadyMs.toFixed(0)} ms, diagnostics event ${event ? (event.t - t0).toFixed(0) : '-'} ms`);

  // --- a git pull: thousands of notes change on disk at once ---------------------------------
  await sleep(500);
  results.blocking.burst = await burst(session, Math.min(5000, session.vault.contacts().length), log);
  checkpoint();
  await sleep(500);

  // --- 2. memory after indexing --------------------------------------------------------------
  results.memory.afterIndex = memory();
  await settle();
  results.memory.afterIndexGc = memory();

  // --- 4. trees (views hidden: the direct cost of each call) ----------------------------------
  const network = host.network!;
  const followUps = host.followUps!;
  const events = host.events!;
  const RUNS = 20;
  // The tree may cache its groups until the next change; the view asks once per change, so the
  // uncached call is the one that counts. `refresh` is the tree's private invalidation.
  const invalidate = (network as unknown as { refresh?: () => void }).refresh;
  if (typeof invalidate === 'function') {
    results.trees['network root (role), first call after a change'] = (await time(() => {
      invalidate.call(network);
      return network.getChildren();
    }, RUNS)).stats;
  }
  const roots = await time(() => network.getChildren() as Extract<TreeNode, { type: 'group' }>[], RUNS);
  results.trees['network root (role)'] = roots.stats;
  const biggest = [...roots.last].sort((a, b) => b.paths.length - a.paths.length)[0];
  if (biggest) {
    const kids = await time(() => network.getChildren(biggest), RUNS);
    results.trees[`network group (${biggest.paths.length} contacts)`] = kids.stats;
    results.trees['network getTreeItem x group'] = (await time(() => kids.last.map((k) => network.getTreeItem(k)), 5)).stats;
    const oneContact = kids.last[0];
    if (oneContact) results.trees['network getParent'] = (await time(() => network.getParent(oneContact), RUNS)).stats;
  }
  results.trees['network all items (what a visible view builds)'] = (await time(() => {
    for (const g of network.getChildren()) for (const c of network.getChildren(g)) network.getTreeItem(c);
  }, 3)).stats;
  await network.setGrouping('institution');
  if (typeof invalidate === 'function') {
    results.trees['network root (institution), first call after a change'] = (await time(() => {
      invalidate.call(network);
      return network.getChildren();
    }, RUNS)).stats;
  }
  results.trees['network root (institution)'] = (await time(() => network.getChildren(), RUNS)).stats;
  await network.setGrouping('role');
  const buckets = await time(() => followUps.getChildren(), RUNS);
  results.trees['follow-ups root'] = buckets.stats;
  const firstBucket = buckets.last[0];
  if (firstBucket) {
    const items = await time(() => followUps.getChildren(firstBucket), RUNS);
    results.trees[`follow-ups bucket (${items.last.length} items)`] = items.stats;
  }
  results.trees['follow-ups overdueCount'] = (await time(() => followUps.overdueCount(), RUNS)).stats;
  results.trees['events root'] = (await time(() => events.getChildren(), RUNS)).stats;

  // --- what each change costs in the host, synchronously --------------------------------------
  results.perChange['session.allFollowUps()'] = (await time(() => session.allFollowUps(), RUNS)).stats;
  results.perChange['vault.contacts()'] = (await time(() => session.vault.contacts(), RUNS)).stats;
  results.perChange['vault.paths()'] = (await time(() => session.vault.paths(), RUNS)).stats;
  // The session applies a ChangeSet privately; calling it directly times one change's full
  // synchronous fan-out (rules, diagnostics, trees, badge, status bar) without the debounce.
  const apply = (session as unknown as { apply?: (change: ChangeSet) => void }).apply;
  const sample = session.vault.contacts()[0];
  if (typeof apply === 'function' && sample) {
    const event = sample.metAt ? session.vault.eventOf(sample) : undefined;
    const change: ChangeSet = { changed: [sample.path, ...(event ? [event.path] : [])], removed: [] };
    results.perChange[`apply one change (${change.changed.length} paths)`] = (await time(() => apply.call(session, change), 50)).stats;
  } else {
    results.notes_.push('VaultSession.apply not found: the per-change cost was not measured');
  }
  const reevaluate: number[] = [];
  const catchUp: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await session.reevaluateAll();
    reevaluate.push(performance.now() - t);
    await mainThreadRoundTrip(10 + i);
    catchUp.push(performance.now() - t);
    await sleep(200);
  }
  results.perChange['reevaluateAll (in slices, in host)'] = stats(reevaluate);
  results.perChange['reevaluateAll until the workbench has it'] = stats(catchUp);
  results.perChange['problems() of every note'] = (await time(() => {
    for (const p of session.vault.paths()) session.problems(p);
  }, 3)).stats;
  results.perChange['rules of every note (evaluateNotes)'] = (await time(() => evaluateNotes(session.vault, session.vault.paths(), session.today, session.settings), 3)).stats;
  const publish = await publishCost(session);
  results.perChange[`publish all diagnostics one by one (${publish.calls} calls), sync`] = stats([publish.oneByOneSync]);
  results.perChange[`publish all diagnostics one by one (${publish.calls} calls), workbench has them`] = stats([publish.oneByOne]);
  results.perChange[`publish all diagnostics in batches (${publish.batches} calls), sync`] = stats([publish.batchedSync]);
  results.perChange[`publish all diagnostics in batches (${publish.batches} calls), workbench has them`] = stats([publish.batched]);
  // The index's own scan again, now that the host is idle: compared with whenReady it shows what start-up contention costs.
  const rescan = performance.now();
  await session.vault.scan();
  results.perChange['vault.scan() again, host idle'] = stats([performance.now() - rescan]);
  checkpoint();
  await sleep(500);

  // --- 3. save → diagnostics, and disk write → diagnostics ------------------------------------
  const past = addDays(session.today, -3);
  const pool = candidates(session, past, 2 * SAVES + VISIBLE_SAVES);
  if (pool.length < 2 * SAVES + VISIBLE_SAVES) results.notes_.push(`only ${pool.length} contacts whose follow_up edit shows a follow-up-due`);
  results.saves = series(await runSeries(pool.slice(0, SAVES), (t) => editorSave(session, t, past, log)), false);
  checkpoint();
  log(`editor saves: median ${results.saves.toDiagnostic.median.toFixed(0)} ms`);
  results.diskWrites = series(await runSeries(pool.slice(SAVES, 2 * SAVES), (t) => diskWrite(session, t, past, log)), false);
  checkpoint();
  log(`disk writes: median ${results.diskWrites.toDiagnostic.median.toFixed(0)} ms`);
  await settle();
  results.memory.afterSaves = memory();

  // --- the same with the Rapport views on screen ---------------------------------------------
  // Groups start expanded, so a visible Network view asks for every contact's item.
  const counter = countTreeCalls(network);
  const fuCounter = countTreeCalls(followUps);
  try {
    const open = performance.now();
    await vscode.commands.executeCommand('workbench.view.extension.rapport');
    let lastSeen = -1;
    for (let waited = 0; waited < 30_000; waited += 250) {
      await sleep(250);
      if (counter.items > 0 && counter.items === lastSeen) break;
      lastSeen = counter.items;
    }
    const renderMs = counter.items > 0 ? Math.max(counter.last, fuCounter.last) - open : null;
    const treeItemsAtOpen = counter.items;
    const followUpItemsAtOpen = fuCounter.items;
    log(`network view open: ${treeItemsAtOpen} items in ${renderMs === null ? '-' : renderMs.toFixed(0)} ms`);
    const visibleSaves = await runSeries(pool.slice(2 * SAVES, 2 * SAVES + VISIBLE_SAVES), async (target) => {
      const fuBefore = fuCounter.items;
      const r = await editorSave(session, target, past, log, counter);
      // the view refreshes after the host's own 200 ms debounce: let it finish before the next save
      const before = counter.items;
      await sleep(600);
      if (r) {
        r.treeItemCalls += counter.items - before;
        r.followUpItemCalls = fuCounter.items - fuBefore;
      }
      return r;
    });
    results.visible = { renderMs, treeItemsAtOpen, followUpItemsAtOpen, saves: series(visibleSaves, true) };
    checkpoint();
  } finally {
    counter.restore();
    fuCounter.restore();
  }
  if (saveFailures.length > 0) results.notes_.push(`doc.save() returned false for ${saveFailures.length} note(s): ${saveFailures.join(', ')}`);
  await settle();
  results.memory.viewsShown = memory();
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');

  // --- warm start: the same vault opened again from its snapshot ------------------------------
  // rapport.refresh (host.start()) builds a new session as activation does (the vault is found, the session
  // restores the snapshot the first one saved); the bundle is already loaded, which saves
  // the few ms activate() costs (row 1).
  // Views hidden, as in the cold start above (a visible Network view re-renders all 10,000 items per refresh).
  await vscode.commands.executeCommand('workbench.action.closeSidebar');
  await session.idle();
  const saving = performance.now();
  await session.saved();
  const saveMs = performance.now() - saving;
  await sleep(500);
  const warmMonitor = blockMonitor();
  const w0 = performance.now();
  // rapport.refresh is host.start(): a new session, as activation makes.
  await vscode.commands.executeCommand('rapport.refresh');
  const warm = host.session;
  if (!warm) throw new Error('no session after rapport.refresh');
  await warm.whenReady();
  const warmReadyMs = performance.now() - w0;
  const warmGroups = host.network!.getChildren();
  const warmNetworkMs = performance.now() - w0;
  await warm.idle();
  const revalidatedMs = performance.now() - w0;
  results.warm = {
    from: warm.startedFrom, saveMs, whenReadyMs: warmReadyMs, networkGroupsMs: warmNetworkMs, groups: warmGroups.length, revalidatedMs,
    blockedMs: warmMonitor.stop(), sessionSliceMs: warm.longestSliceMs,
  };
  log(`warm start (${warm.startedFrom}): network tree in ${warmNetworkMs.toFixed(0)} ms, revalidated in ${revalidatedMs.toFixed(0)} ms`);
  checkpoint();
}

export function emptyResults(): BenchResults {
  return {
    size: Number(process.env.RAPPORT_BENCH_SIZE) || 0,
    notes: 0,
    contacts: 0,
    node: process.version,
    activeBeforeBench: false,
    gc: 'none',
    memory: {},
    trees: {},
    perChange: {},
    notes_: [],
  };
}
