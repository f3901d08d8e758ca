import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/*
 * Helpers for tests and benchmarks that work on real files in a temporary folder.
 */

/** A new empty folder under the OS temp folder. */
export function makeTempDir(prefix = 'mlarch-store-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Removes a folder made by makeTempDir, with everything in it. */
export function removeTempDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** The SHA-256 of a file's bytes, in hex. */
export function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** The names in a folder, sorted. */
export function filesIn(dir: string): string[] {
  return fs.readdirSync(dir).sort();
}
