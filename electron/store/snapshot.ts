import path from 'node:path';
import type { Design } from '../../shared/model/document.ts';
import { checkBeforeOpen } from './check-before-open.ts';
import { inspectHeader } from './header.ts';

/*
 * A design read from a .mlarch file for a headless command (the CLI): every check an open does, on a read-only
 * connection or a private copy (check-before-open.ts), and nothing written: no WAL switch, no migration, no
 * lock left behind. An older file is upgraded in memory only.
 */

/** The checked design of the file at `filePath`. Throws DocumentFileError naming the refusal. */
export function readDocumentSnapshot(filePath: string): Design {
  const absolute = path.resolve(filePath);
  const checked = checkBeforeOpen(absolute, inspectHeader(absolute));
  try {
    return checked.content.design;
  } finally {
    checked.release();
  }
}
