import { z } from 'zod';
import { designSchema } from './model/document.ts';
import { idSchema } from './model/ids.ts';
import { operationListSchema } from './model/operations.ts';

/*
 * The one contract between the UI and the host. Each channel maps to the zod schema of its request and
 * of its response; types are inferred, never written twice. The preload exposes one function per channel,
 * the web host one POST route per channel, and both parse the request before any service sees it.
 */

/**
 * A path on the host's disk, as the host reported it or the user chose it. No file system accepts NUL in a
 * name, and C-based APIs would read the path only up to it, so one is refused here, before any check.
 */
const pathSchema = z
  .string()
  .min(1)
  .max(4096)
  .refine((path) => !path.includes('\0'), 'A path cannot contain a NUL character.');
const docNameSchema = z
  .string()
  .trim()
  .min(1, 'Give the design a name.')
  .max(120, 'A design name is at most 120 characters.')
  // Half of a surrogate pair (a cut emoji) has no UTF-8 form: the disk would get U+FFFD instead.
  .refine(
    isWellFormed,
    'A design name cannot contain half of a character (a broken emoji or symbol). Retype the name.',
  );

/** True when `text` has no lone surrogate (String.prototype.isWellFormed; the ES2023 lib does not declare it). */
function isWellFormed(text: string): boolean {
  return (text as string & { isWellFormed(): boolean }).isWellFormed();
}

/** An open document as the UI sees it. */
export const openDocumentSchema = z.object({
  docId: idSchema,
  path: pathSchema,
  revision: z.number().int().nonnegative(),
  design: designSchema,
});

export const recentDocumentSchema = z.object({
  path: pathSchema,
  name: z.string(),
  openedAt: z.string(),
  exists: z.boolean(),
});

export const templateSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  componentCount: z.number().int().nonnegative(),
});

export const workspaceFileSchema = z.object({
  path: pathSchema,
  name: z.string(),
  modifiedAt: z.string(),
  sizeBytes: z.number().int().nonnegative(),
});

const empty = z.object({}).strict();

export const contract = {
  /** Facts about the host the UI adapts to: native dialogs or in-app ones, the workspace folder. */
  'app.info': {
    request: empty,
    response: z.object({
      host: z.enum(['electron', 'web']),
      version: z.string(),
      workspace: pathSchema,
      nativeDialogs: z.boolean(),
    }),
  },
  /** Creates a design in the workspace folder (a unique file name from `name`), optionally from a template. */
  'doc.new': {
    request: z.object({ name: docNameSchema, templateId: z.string().max(100).nullable() }).strict(),
    response: openDocumentSchema,
  },
  'doc.open': {
    request: z.object({ path: pathSchema }).strict(),
    response: openDocumentSchema,
  },
  'doc.close': {
    request: z.object({ docId: idSchema }).strict(),
    response: empty,
  },
  /** Applies operations in one transaction; answers once they are on disk. */
  'doc.apply': {
    request: z.object({ docId: idSchema, ops: operationListSchema }).strict(),
    response: z.object({ revision: z.number().int().nonnegative() }),
  },
  'doc.get': {
    request: z.object({ docId: idSchema }).strict(),
    response: openDocumentSchema,
  },
  /** Copies the open document to `path` and continues on the copy, as Save As does in any desktop app. */
  'doc.saveAs': {
    request: z
      .object({
        docId: idSchema,
        path: pathSchema,
        /** Replace an existing file: only after the user confirmed it (the native Save dialog asks). */
        overwrite: z.boolean().optional(),
      })
      .strict(),
    response: openDocumentSchema,
  },
  'recent.list': {
    request: empty,
    response: z.array(recentDocumentSchema),
  },
  'recent.clear': {
    request: empty,
    response: empty,
  },
  'templates.list': {
    request: empty,
    response: z.array(templateSummarySchema),
  },
  /** The .mlarch files in the workspace folder, newest first (the in-app Open dialog of the web host). */
  'workspace.list': {
    request: empty,
    response: z.array(workspaceFileSchema),
  },
  /** Native Open dialog (Electron only): the chosen path, or null when cancelled. */
  'dialog.openDocument': {
    request: empty,
    response: z.object({ path: pathSchema.nullable() }),
  },
  /** Native Save dialog (Electron only): the chosen path, or null when cancelled. */
  'dialog.saveDocument': {
    request: z.object({ suggestedName: z.string().max(200) }).strict(),
    response: z.object({
      path: pathSchema.nullable(),
      /** True when the dialog itself asked the user to replace this existing file and they agreed. */
      replaceConfirmed: z.boolean(),
    }),
  },
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = z.infer<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.infer<Contract[C]['response']>;
export const channels = Object.keys(contract) as Channel[];

/** Channels only a host with native dialogs serves. */
export const nativeOnlyChannels: readonly Channel[] = ['dialog.openDocument', 'dialog.saveDocument'];

/** What every channel answers: data, or an error a user can read. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: string };

/** Menu commands the Electron main process sends to the UI. */
export const menuCommandSchema = z.discriminatedUnion('command', [
  z.object({
    command: z.enum([
      'new',
      'open',
      'save-as',
      'close',
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'delete',
      'select-all',
      'zoom-in',
      'zoom-out',
      'fit',
      'toggle-dock',
      'about',
    ]),
  }),
  z.object({ command: z.literal('open-path'), path: pathSchema }),
]);
export type MenuCommand = z.infer<typeof menuCommandSchema>;

/** Events main → renderer. */
export const events = {
  'menu.command': menuCommandSchema,
} as const satisfies Record<string, z.ZodType>;
export type EventName = keyof typeof events;
export type EventOf<E extends EventName> = z.infer<(typeof events)[E]>;

/** The API the preload exposes as `window.mlarch`: one function per channel, plus event subscription. */
export type MlarchApi = {
  [C in Channel]: (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;
} & {
  /** Subscribes to a main → renderer event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventOf<E>) => void): () => void;
};
