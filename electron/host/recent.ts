import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';

const MAX_RECENT = 12;
const entrySchema = z.object({ path: z.string().min(1), name: z.string(), openedAt: z.string() });
const fileSchema = z.object({ version: z.literal(1), entries: z.array(entrySchema) });
type RecentEntry = z.infer<typeof entrySchema>;

/** The recently opened documents, most recent first, kept in a small JSON file in the user-data folder. */
export class RecentDocuments {
  readonly #file: string;
  #entries: RecentEntry[];

  constructor(userDataDir: string) {
    this.#file = join(userDataDir, 'recent-documents.json');
    this.#entries = readEntries(this.#file);
  }

  /** Entries, each with whether its file still exists (a moved file stays listed, marked missing). */
  list(): { path: string; name: string; openedAt: string; exists: boolean }[] {
    return this.#entries.map((e) => ({ ...e, exists: existsSync(e.path) }));
  }

  paths(): string[] {
    return this.#entries.map((e) => e.path);
  }

  /** Moves `path` to the top of the list. */
  touch(path: string, name: string, now: Date = new Date()): void {
    const rest = this.#entries.filter((e) => e.path !== path);
    this.#entries = [{ path, name: name || basename(path), openedAt: now.toISOString() }, ...rest].slice(
      0,
      MAX_RECENT,
    );
    this.#save();
  }

  clear(): void {
    this.#entries = [];
    this.#save();
  }

  // Write then rename, so a crash mid-write never leaves a half-written list.
  #save(): void {
    mkdirSync(dirname(this.#file), { recursive: true });
    const temporary = `${this.#file}.tmp`;
    writeFileSync(temporary, JSON.stringify({ version: 1, entries: this.#entries }, null, 2));
    renameSync(temporary, this.#file);
  }
}

// A damaged list is not worth an error dialog: start afresh (the documents themselves are untouched).
function readEntries(file: string): RecentEntry[] {
  try {
    const parsed = fileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data.entries.slice(0, MAX_RECENT) : [];
  } catch {
    return [];
  }
}
