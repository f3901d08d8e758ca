/*
 * The .mlarch document file: an SQLite database per document (schema in migrations/, checks in header.ts and
 * open-checks.ts, reading and writing rows in content.ts).
 */
export type { DocumentFile, DocumentFileOptions, SynchronousMode } from './document-file.ts';
export { createDocumentFile, hasSidecarFiles, openDocumentFile } from './document-file.ts';
export type { DocumentFileErrorCode } from './errors.ts';
export { DocumentFileError } from './errors.ts';
export { isDocumentFile, MLARCH_APPLICATION_ID } from './header.ts';
export { isSameFile } from './files.ts';
export { readDocumentSnapshot } from './snapshot.ts';
