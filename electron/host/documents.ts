import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { newId } from '../../shared/model/ids.ts';
import type { Design } from '../../shared/model/document.ts';
import { OperationError, type Operation } from '../../shared/model/operations.ts';
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

  /**
   * Applies operations in one transaction; returns the new revision once they are on disk. A refused batch
   * throws an OperationError that names the refused operation (position, type, entity) and the reason.
   */
  apply(docId: string, ops: readonly Operation[]): number {
    const file = this.#file(docId);
    try {
      return file.apply(ops);
    } catch (error) {
      // Nothing was applied, so file.design is still the design the batch was meant for.
      if (error instanceof OperationError) throw describeRefusal(error, ops, file.design);
      throw error;
    }
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

// How a refusal names an entity: the word for it and the design collection that holds it.
const ENTITIES: Record<string, { word: string; collection: Exclude<keyof Design, 'meta' | 'settings'> }> = {
  component: { word: 'component', collection: 'components' },
  connection: { word: 'connection', collection: 'connections' },
  scenario: { word: 'scenario', collection: 'scenarios' },
  journey: { word: 'journey', collection: 'journeys' },
  decision: { word: 'decision', collection: 'decisions' },
  risk: { word: 'risk entry', collection: 'risks' },
  snapshot: { word: 'snapshot', collection: 'snapshots' },
};

interface NamedEntity {
  id: string;
  name?: string;
  title?: string;
  sourceId?: string;
  targetId?: string;
}

/**
 * 'Operation 3 of 5 (component.update, component "Gateway", id c_1) was refused: <the model's reason>', as an
 * OperationError with the same index, so the user learns which edit of a batch (a paste, a template) failed.
 */
export function describeRefusal(
  error: OperationError,
  ops: readonly Operation[],
  design: Design,
): OperationError {
  const op = ops[error.index];
  if (!op) return error;
  // Only the operations before it can have added what it names.
  const entity = describeEntity(op, ops.slice(0, error.index), design);
  return new OperationError(
    `Operation ${error.index + 1} of ${ops.length} (${op.type}, ${entity}) ` +
      `was refused: ${error.message}`,
    error.index,
  );
}

function describeEntity(op: Operation, earlier: readonly Operation[], design: Design): string {
  if (op.type === 'meta.update') return "the design's details";
  const prefix = op.type.slice(0, op.type.indexOf('.'));
  const word = ENTITIES[prefix]?.word ?? prefix;
  const added = entityAddedBy(op, prefix);
  const id = added?.id ?? ('id' in op ? op.id : '?');
  const entity = added ?? findEntity(design, earlier, prefix, id);
  const label = entity ? labelOf(entity, design, earlier) : null;
  return label ? `${word} ${label}, id ${id}` : `${word} ${id}`;
}

// In the design, or added earlier in the same batch (an update right after its add).
function findEntity(
  design: Design,
  ops: readonly Operation[],
  prefix: string,
  id: string,
): NamedEntity | undefined {
  const collection = ENTITIES[prefix]?.collection;
  const existing = collection
    ? (design[collection] as readonly NamedEntity[]).find((entity) => entity.id === id)
    : undefined;
  return existing ?? ops.map((op) => entityAddedBy(op, prefix)).find((entity) => entity?.id === id);
}

// An add carries its entity under its prefix: component.add → op.component.
function entityAddedBy(op: Operation, prefix: string): NamedEntity | undefined {
  if (op.type !== `${prefix}.add`) return undefined;
  return (op as unknown as Record<string, NamedEntity | undefined>)[prefix];
}

// A connection has no name of its own: it is named by its ends.
function labelOf(entity: NamedEntity, design: Design, ops: readonly Operation[]): string | null {
  const name = entity.name ?? entity.title;
  if (name !== undefined) return `"${name}"`;
  if (entity.sourceId === undefined || entity.targetId === undefined) return null;
  const end = (id: string): string => {
    const component = findEntity(design, ops, 'component', id);
    return component?.name !== undefined ? `"${component.name}"` : id;
  };
  return `from ${end(entity.sourceId)} to ${end(entity.targetId)}`;
}
