import * as fs from 'fs';

export type CappedRead =
  | { kind: 'bytes'; bytes: Buffer }
  | { kind: 'missing' }
  | { kind: 'not-a-file' }
  | { kind: 'loop' }
  | { kind: 'too-large'; size: number }
  | { kind: 'error'; message: string };

/**
 * Reads a regular file of at most `maxBytes`. It opens without blocking (a FIFO named
 * like a note cannot hang it), refuses anything fstat does not call a file (devices,
 * sockets), and never reads more than `maxBytes + 1` bytes, even if the file grows
 * while it reads.
 */
export function readCapped(abs: string, maxBytes: number): CappedRead {
  let fd: number;
  try {
    fd = fs.openSync(abs, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
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
    }
    if (length > maxBytes) return { kind: 'too-large', size: length };
    return { kind: 'bytes', bytes: buffer.subarray(0, length) };
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
