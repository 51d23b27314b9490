/**
 * Where the CLI reads and writes: standard streams (replaceable in tests), listing files and standard input
 * read with a cap, and output files written atomically.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { BadInputError, UsageError } from './options.js';

/** The largest input `parse` and `--file` read: far above any real listing, far below what exhausts memory. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => string | Uint8Array | Promise<string | Uint8Array>;
  columns: number;
  /** Show a progress note; returns a function that clears it. Only for terminals. */
  progress?: ((message: string) => () => void) | undefined;
}

export const defaultIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: readStandardInput,
  columns: process.stdout.columns ?? 100,
  progress: process.stderr.isTTY
    ? (message) => {
        process.stderr.write(message);
        return () => process.stderr.write(`\r${' '.repeat(message.length)}\r`);
      }
    : undefined,
};

/** To stdout, or to `file` atomically (see `writeFileAtomically`). */
export function writeOutput(text: string, file: string | undefined, io: Io): void {
  if (file === undefined) {
    io.stdout(text);
    return;
  }
  writeFileAtomically(file, text);
}

/**
 * Write `file` atomically: beside it under a temporary name, then renamed over it, so a run that fails (or is
 * killed) midway never leaves a half-written feed where a web server serves it. The temporary name is random
 * and created exclusively (`wx` is O_CREAT | O_EXCL, which also refuses a symlink planted there), so it is
 * always a file this run made, never one someone else points it at. `temporaryName` is for tests.
 */
export function writeFileAtomically(
  file: string,
  text: string,
  temporaryName: (file: string) => string = (target) =>
    join(dirname(target), `.${basename(target)}.${randomBytes(12).toString('hex')}.tmp`),
): void {
  const temporary = temporaryName(file);
  let created = false;
  try {
    const fd = openSync(temporary, 'wx', 0o644);
    created = true;
    try {
      writeFileSync(fd, text);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  } catch (error) {
    try {
      // Only a file this run created is removed; a name that was taken is someone else's.
      if (created) unlinkSync(temporary);
    } catch {
      // Already gone: nothing to clean up.
    }
    throw new UsageError(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/**
 * A listing file as bytes (so a byte-order mark or UTF-16 is read right). Only regular files: a FIFO
 * without a writer would block and `/dev/zero` never ends, so those go through standard input, which is
 * read with a cap.
 */
export function readInput(file: string): Uint8Array {
  let size: number;
  try {
    const stats = statSync(file);
    if (stats.isDirectory()) throw new UsageError(`${file} is a directory, not a listing file`);
    if (!stats.isFile()) {
      throw new UsageError(
        `${file} is not a regular file (a FIFO, device or socket); to read it, pipe it in: papertrend parse - < ${file}`,
      );
    }
    size = stats.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (size > MAX_INPUT_BYTES) throw tooLarge(file, size);
  try {
    return readFileSync(file);
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function tooLarge(what: string, size: number): BadInputError {
  const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
  return new BadInputError(
    `${what} is ${size > MAX_INPUT_BYTES ? `over ${mb(MAX_INPUT_BYTES)}` : mb(size)}; papertrend reads listings up to ${mb(MAX_INPUT_BYTES)} (a day of Hugging Face papers is about 0.2 MiB)`,
  );
}

/** Standard input, up to `MAX_INPUT_BYTES` (`< /dev/zero` fails there instead of filling memory). */
async function readStandardInput(): Promise<Uint8Array> {
  let isDirectory = false;
  try {
    isDirectory = fstatSync(0).isDirectory();
  } catch {
    // No standard input to inspect (closed): reading it below gives the empty input.
  }
  if (isDirectory) throw new UsageError('standard input is a directory, not a listing');
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of process.stdin) {
      total += (chunk as Buffer).length;
      if (total > MAX_INPUT_BYTES) {
        process.stdin.destroy();
        throw tooLarge('standard input', total);
      }
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (error instanceof BadInputError) throw error;
    throw new UsageError(
      `cannot read standard input: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  return Buffer.concat(chunks);
}
