import Database from 'better-sqlite3';
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

/** Every file in a folder with its SHA-256 and modification time: equal states mean nothing was touched. */
export function folderState(dir: string): Record<string, string> {
  const state: Record<string, string> = {};
  for (const name of filesIn(dir)) {
    const file = path.join(dir, name);
    state[name] = `${sha256(file)} ${fs.statSync(file).mtimeMs}`;
  }
  return state;
}

/**
 * Leaves `file` as a writer killed mid-session would: `sql` committed to a -wal beside it that was never
 * checkpointed (and the file's header in WAL mode). The work happens on a scratch copy, whose file and -wal
 * are copied back while its connection is still open.
 */
export function withStaleWal(file: string, sql: string): void {
  const scratchDir = makeTempDir('mlarch-stale-wal-');
  try {
    const scratch = path.join(scratchDir, 'scratch.mlarch');
    fs.copyFileSync(file, scratch);
    const db = new Database(scratch);
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('wal_autocheckpoint = 0');
      db.exec(sql);
      fs.copyFileSync(scratch, file);
      fs.copyFileSync(`${scratch}-wal`, `${file}-wal`);
    } finally {
      db.close();
    }
  } finally {
    removeTempDir(scratchDir);
  }
}
