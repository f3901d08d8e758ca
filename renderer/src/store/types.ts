import type { ResponseOf } from '../../../shared/api.ts';

/** An open document as the host returns it from doc.new, doc.open, doc.get and doc.saveAs. */
export type OpenDocument = ResponseOf<'doc.open'>;
