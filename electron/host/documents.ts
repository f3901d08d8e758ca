import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { newId } from '../../shared/model/ids.ts';
import type { Design } from '../../shared/model/document.ts';
import type { Operation } from '../../shared/model/operations.ts';
import {
  createDocumentFile,
  isDocumentFile,
  isSameFile,
  openDocumentFile,
  type DocumentFile,
} from '../store/index.ts';
import { UserError } from './dispatch.ts';

export interface OpenDocument {
  docId: string;
  path: string;
  revision: number;
  design: Design;
}

/** The documents open in this host, each an SQLite file held open until closed. */
export class DocumentService {
  readonly #open = new Map<string, DocumentFile>();

  /** Creates a new document file at `path` holding `design`, and opens it. */
  create(path: string, design: Design): OpenDocument {
    return this.#register(createDocumentFile(resolve(path), design));
  }

  /**
   * Opens `path`; a document already open is answered with its existing id rather than opened twice, also
   * when `path` names it another way (a link, or other letter case on macOS and Windows).
   */
  open(path: string): OpenDocument {
    const absolute = resolve(path);
    const openId = this.#openIdOf(absolute);
    if (openId !== null) return describe(openId, this.#file(openId));
    return this.#register(openDocumentFile(absolute));
  }

  get(docId: string): OpenDocument {
    return describe(docId, this.#file(docId));
  }

  /** Applies operations in one transaction; returns the new revision once they are on disk. */
  apply(docId: string, ops: readonly Operation[]): number {
    return this.#file(docId).apply(ops);
  }

  /**
   * Copies the document to `path`, closes the original and continues on the copy. An existing file is
   * replaced only with `overwrite` (the user confirmed it), only when it is a design, and never while it is
   * open here under any name.
   */
  saveAs(docId: string, path: string, overwrite = false): OpenDocument {
    const file = this.#file(docId);
    const target = resolve(path);
    if (target === file.path) return describe(docId, file);
    if (existsSync(target)) {
      if (!overwrite)
        throw new UserError(`${target} already exists. Choose another name, or delete that file first.`);
      // Replacing an open file would leave its connection writing to an unlinked file beside a stale WAL.
      if (this.#openIdOf(target) !== null)
        throw new UserError(`${target} is open in this window. Close it first.`);
      if (!isDocumentFile(target))
        throw new UserError(
          `${target} is not an MLArch design, so Save As will not replace it. Choose another name.`,
        );
    }
    file.copyTo(target, { overwrite });
    const copy = openDocumentFile(target);
    this.close(docId);
    return this.#register(copy);
  }

  close(docId: string): void {
    const file = this.#open.get(docId);
    if (!file) return;
    this.#open.delete(docId);
    file.close();
  }

  paths(): string[] {
    return [...this.#open.values()].map((f) => f.path);
  }

  /** Closes every document (checkpointing each back into a single file). */
  closeAll(): void {
    for (const docId of [...this.#open.keys()]) this.close(docId);
  }

  #register(file: DocumentFile): OpenDocument {
    const docId = newId('doc');
    this.#open.set(docId, file);
    return describe(docId, file);
  }

  // By name first, then by identity: another name for the same file (a link, or letter case on
  // case-insensitive file systems) is the same document.
  #openIdOf(absolute: string): string | null {
    for (const [docId, file] of this.#open) if (file.path === absolute) return docId;
    for (const [docId, file] of this.#open) if (isSameFile(file.path, absolute)) return docId;
    return null;
  }

  #file(docId: string): DocumentFile {
    const file = this.#open.get(docId);
    if (!file) throw new UserError('This document is no longer open. Open it again from the start screen.');
    return file;
  }
}

function describe(docId: string, file: DocumentFile): OpenDocument {
  return { docId, path: file.path, revision: file.revision, design: file.design };
}
