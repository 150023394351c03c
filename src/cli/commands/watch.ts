import * as path from 'path';
import { watch, type FSWatcher } from 'chokidar';
import type { Stats } from 'fs';
import { buildAgenda, agendaItems, formatAgenda } from '../../core/agenda';
import type { CalendarDate } from '../../core/dates';
import { toICalendar } from '../../core/ics';
import type { RapportSettings } from '../../core/settings';
import { UpdatePolicy, type Batch, type Slicer } from '../../core/updatePolicy';
import { isIgnoredDir, isNoteFile, isNotePath } from '../../core/vaultFs';
import { CONFIG_FILE_NAMES, loadSettingsOrWarn } from '../../node/config';
import { flag, parseCommandArgs, type ParsedArgs } from '../args';
import type { CliIO, Command } from '../io';
import { loadVault, todayArg, vaultArg, vaultRoot } from '../vaultLoader';
import { daysArg } from './agenda';
import { outputPath, writeFileAtomic } from './ics';

const DAY_CHECK_MS = 60_000;

export interface WatchOptions {
  /** Absolute path of the vault. */
  root: string;
  io: CliIO;
  /** Write this .ics file on each change instead of printing the agenda. */
  output: string | null;
  days: number;
  /** A pinned date (tests, `--today`); otherwise the local date, re-read as the day turns. */
  today?: CalendarDate;
  /** Overrides the update policy's debounce (tests). */
  debounceMs?: number;
  /** Called after each update is printed or written (tests wait on it). */
  onUpdate?: (changed: string[]) => void;
}

export interface Watching {
  close(): Promise<void>;
}

const CONFIG_NAMES = new Set<string>(CONFIG_FILE_NAMES);

/** The vault-relative path with forward slashes, or null when outside the vault. */
function relativeTo(root: string, abs: string): string | null {
  const rel = path.relative(root, abs);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return rel.split(path.sep).join('/');
}

/**
 * What chokidar need not watch: the folders the index skips (dot-folders, templates,
 * node_modules) and files that are neither notes nor the settings file. Directories
 * are told apart by `stats` when chokidar has them; without, only folder rules apply.
 */
export function ignoredBy(root: string): (abs: string, stats?: Stats) => boolean {
  return (abs, stats) => {
    const rel = relativeTo(root, abs);
    if (rel === null) return true;
    if (rel === '' || CONFIG_NAMES.has(rel)) return false;
    const parts = rel.split('/');
    const last = parts.pop() ?? '';
    if (parts.some((dir, depth) => isIgnoredDir(dir, depth))) return true;
    if (stats?.isDirectory()) return isIgnoredDir(last, parts.length);
    if (stats?.isFile()) return !isNoteFile(last);
    return false;
  };
}

/** Keeps the agenda (or an .ics file) current as notes change; each change re-reads only the files it names. */
export async function startWatch(options: WatchOptions): Promise<Watching> {
  const { root, io } = options;
  const loaded = await loadVault(root, io);
  const vault = loaded.vault;
  let settings: RapportSettings = loaded.settings;
  const today = () => options.today ?? io.today();
  let shownFor = today();

  const update = (changed: string[]) => {
    shownFor = today();
    const agenda = buildAgenda(vault, shownFor, settings, options.days);
    if (options.output) {
      const items = agendaItems(agenda);
      try {
        writeFileAtomic(options.output, toICalendar(items, { today: shownFor }));
        io.err(`rapport watch: wrote ${items.length} event${items.length === 1 ? '' : 's'} to ${options.output}\n`);
      } catch (e) {
        io.err(`rapport watch: could not write ${options.output}: ${e instanceof Error ? e.message : String(e)}\n`);
      }
    } else {
      if (changed.length > 0) io.out(`\n— ${changed.length} note${changed.length === 1 ? '' : 's'} changed: ${changed.slice(0, 3).join(', ')}${changed.length > 3 ? ', …' : ''}\n`);
      io.out(formatAgenda(agenda));
    }
    options.onUpdate?.(changed);
  };

  // The core's update policy (the extension's too): debounced, merged per path, in path order,
  // one batch at a time, in slices; chokidar only feeds it.
  let closed = false;
  const flush = async (batch: Batch<'note' | 'settings'>, slicer: Slicer) => {
    if (batch.some(([, kind]) => kind === 'settings')) settings = loadSettingsOrWarn(root, (t) => io.err(t));
    const paths = batch.filter(([, kind]) => kind === 'note').map(([p]) => p);
    for (const p of paths) {
      if (closed) return;
      try {
        await vault.refresh(p);
      } catch (e) {
        io.err(`rapport watch: could not read ${p}: ${e instanceof Error ? e.message : String(e)}\n`);
      }
      await slicer.tick();
    }
    if (!closed) update(paths);
  };
  const policy = new UpdatePolicy(flush, undefined, {
    debounceMs: options.debounceMs,
    onError: (e) => io.err(`rapport watch: ${e instanceof Error ? e.message : String(e)}\n`),
  });

  // chokidar 4.0.2 types every event's first argument as `string | Error`.
  const onFile = (abs: string | Error) => {
    if (typeof abs !== 'string') return;
    const rel = relativeTo(root, abs);
    if (rel === null) return;
    if (CONFIG_NAMES.has(rel)) policy.push(rel, 'settings');
    else if (isNotePath(rel)) policy.push(rel, 'note');
  };

  const watcher: FSWatcher = watch(root, {
    followSymlinks: false,
    ignoreInitial: true,
    ignored: ignoredBy(root),
    persistent: true,
  });
  watcher.on('add', onFile);
  watcher.on('change', onFile);
  watcher.on('unlink', onFile);
  watcher.on('unlinkDir', (abs: string | Error) => {
    // Usually each file's unlink comes too; this covers platforms where only the folder is reported.
    if (typeof abs !== 'string') return;
    const rel = relativeTo(root, abs);
    if (rel === null || rel === '') return;
    for (const p of vault.paths()) if (p.startsWith(`${rel}/`)) policy.push(p, 'note');
  });
  watcher.on('error', (e: unknown) => {
    io.err(`rapport watch: watcher error: ${e instanceof Error ? e.message : String(e)}\n`);
  });
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));

  // A terminal left open overnight shows the new day's agenda.
  const dayTimer = setInterval(() => {
    if (today() !== shownFor) void policy.idle().then(() => update([]));
  }, DAY_CHECK_MS);
  dayTimer.unref();

  update([]);
  return {
    async close() {
      closed = true;
      policy.dispose();
      clearInterval(dayTimer);
      await watcher.close();
      await policy.idle();
    },
  };
}

/** Resolves on the first SIGINT or SIGTERM, then stops listening for them. */
function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export const watchCommand: Command = {
  name: 'watch',
  summary: 'Keep the agenda printed (or an .ics file written) up to date as notes change; Ctrl+C stops',
  usage: 'rapport watch [VAULT] [--today YYYY-MM-DD] [--days N] [-o FILE.ics]',
  options: {
    days: { value: 'N', needs: 'a number of days', help: 'How many days ahead (default 7, or 30 with -o)' },
    output: { value: 'FILE.ics', needs: 'a file name', short: 'o', help: 'Keep this .ics file written instead of printing the agenda' },
  },
  formats: ['text'],
  async run(argv, io) {
    const { args } = parseCommandArgs(argv, this);
    const pinned = flag(args, 'today') === undefined ? undefined : todayArg(args, io);
    const days = daysArg(args, defaultDays(args));
    const dir = vaultArg(args);
    const output = outputPath(args, io);
    const root = vaultRoot(dir, io);
    const watching = await startWatch({ root, io, output, days, today: pinned });
    io.err(`rapport watch: watching ${root} (Ctrl+C to stop)\n`);
    await untilInterrupted();
    await watching.close();
    return 0;
  },
};

/** The .ics file looks further ahead than the printed agenda, as `rapport ics` does. */
function defaultDays(args: ParsedArgs): number {
  return flag(args, 'output') === undefined ? 7 : 30;
}
