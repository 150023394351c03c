import * as fs from 'fs';

export type CappedRead =
  | { kind: 'bytes'; bytes: Buffer; stamp: { size: number; mtime: number; ctime: number } }
  | { kind: 'missing' }
  | { kind: 'not-a-file' }
  | { kind: 'loop' }
  | { kind: 'too-large'; size: number }
  | { kind: 'error'; message: string };

/**
 * Reads a regular file of at most `maxBytes`. It opens without blocking (a FIFO named
 * like a note cannot hang it), refuses anything fstat does not call a file (devices,
 * sockets), and never reads more than `maxBytes + 1` bytes, even if the file grows
 * while it reads. `extraFlags` are added to the open flags (e.g. `O_NOFOLLOW`, which
 * makes a symbolic link fail with `loop`).
 */
export function readCapped(abs: string, maxBytes: number, extraFlags = 0): CappedRead {
  let fd: number;
  try {
    fd = fs.openSync(abs, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | extraFlags);
  } catch (e) {
    return errnoRead(e);
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return { kind: 'not-a-file' };
    if (st.size > maxBytes) return { kind: 'too-large', size: st.size };
    const buffer = Buffer.allocUnsafe(Math.min(st.size, maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      // Stop once fstat's size is read, as readFileSync does: asking again only to be
      // told "end of file" is one more system call per note. A file that reported no
      // size (or shrank) is still read to its end.
      if (length === st.size) break;
    }
    if (length > maxBytes) return { kind: 'too-large', size: length };
    // fstat's times: a write after them changes them, so a snapshot never trusts stale bytes.
    return { kind: 'bytes', bytes: buffer.subarray(0, length), stamp: { size: st.size, mtime: st.mtimeMs, ctime: st.ctimeMs } };
  } catch (e) {
    return errnoRead(e);
  } finally {
    fs.closeSync(fd);
  }
}

function errnoRead(e: unknown): CappedRead {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
  if (code === 'EISDIR') return { kind: 'not-a-file' };
  if (code === 'ELOOP') return { kind: 'loop' };
  return { kind: 'error', message: (e as Error).message };
}
