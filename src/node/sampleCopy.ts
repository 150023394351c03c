import * as fs from 'fs';
import * as path from 'path';
import { VaultFiles, type Guarded } from './vaultFiles';

/** A sample vault is a few dozen small files; more than this is not the sample. */
const MAX_SAMPLE_FILES = 2000;
const MAX_SAMPLE_FILE_BYTES = 1024 * 1024;

/**
 * Copies the files of `sourceDir` into the folder `dest` through the guarded layer.
 * Every target folder is checked before anything is written: one that links out of the
 * destination (say a `contacts` link to elsewhere) refuses the whole copy, cleanly.
 * Existing files are kept as they are (`wx`). `transform` may change a file's text on
 * the way (e.g. to shift the sample's dates); what `skip` names is not copied (the sample's manifest).
 */
export function copyIntoVault(
  sourceDir: string, dest: string,
  transform: (rel: string, text: string) => string = (_r, t) => t,
  skip: (rel: string) => boolean = () => false,
): Guarded<{ written: string[]; kept: string[] }> {
  fs.mkdirSync(dest, { recursive: true });
  const files = new VaultFiles(dest);
  const plan: { rel: string; abs: string }[] = [];
  const folders = new Set<string>();
  const walk = (dir: string, rel: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const childRel = rel === '' ? e.name : `${rel}/${e.name}`;
      if (skip(childRel)) continue;
      if (e.isDirectory()) {
        folders.add(childRel);
        walk(path.join(dir, e.name), childRel);
      } else if (e.isFile() && plan.length < MAX_SAMPLE_FILES) plan.push({ rel: childRel, abs: path.join(dir, e.name) });
    }
  };
  walk(sourceDir, '');
  for (const folder of folders) {
    const verdict = files.checkFolder(folder);
    if (!verdict.ok) return verdict;
  }
  for (const { rel } of plan) {
    const where = files.locate(rel);
    if (!where.ok && !/not a regular file/.test(where.reason)) return where;
  }
  const written: string[] = [];
  const kept: string[] = [];
  for (const { rel, abs } of plan) {
    const made = files.makeFolder(path.posix.dirname(rel) === '.' ? '' : path.posix.dirname(rel));
    if (!made.ok) return made;
    const text = fs.readFileSync(abs).subarray(0, MAX_SAMPLE_FILE_BYTES).toString('utf8');
    const created = files.create(rel, transform(rel, text));
    if (created.ok) written.push(rel);
    else if (/already exists/.test(created.reason)) kept.push(rel);
    else return created;
  }
  return { ok: true, value: { written, kept } };
}
