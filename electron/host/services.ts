import { existsSync, mkdirSync } from 'node:fs';
import { createEmptyDesign, designFromTemplate } from '../../shared/model/factory.ts';
import type { Handlers } from './dispatch.ts';
import { DocumentService, type OpenDocument } from './documents.ts';
import { RecentDocuments } from './recent.ts';
import { TemplateLibrary } from './templates.ts';
import { listDocuments, uniqueDocumentPath, type PathGuard } from './workspace.ts';

export interface HostOptions {
  host: 'electron' | 'web';
  /** Where new designs are created (Electron: Documents/MLArch Studio; web: the folder it was given). */
  workspace: string;
  /** Where the host keeps its own small files (recent documents). */
  userDataDir: string;
  /** The shipped golden-path templates. */
  templatesDir: string;
  appVersion: string;
  /** Which paths the UI may open or write. */
  guard: PathGuard;
  now?: () => Date;
}

export interface HostServices {
  handlers: Handlers;
  documents: DocumentService;
  recent: RecentDocuments;
  /** Closes every open document so each is one file again. */
  dispose(): void;
}

/** The services behind the contract, with no Electron in sight: the same in Electron, the web host and tests. */
export function createHostServices(options: HostOptions): HostServices {
  const now = options.now ?? (() => new Date());
  const documents = new DocumentService();
  const recent = new RecentDocuments(options.userDataDir);
  const templates = new TemplateLibrary(options.templatesDir);

  const remember = (doc: OpenDocument): OpenDocument => {
    recent.touch(doc.path, doc.design.meta.name, now());
    return doc;
  };

  const handlers: Handlers = {
    'app.info': () => ({
      host: options.host,
      version: options.appVersion,
      workspace: options.workspace,
      nativeDialogs: options.host === 'electron',
    }),
    'doc.new': ({ name, templateId }) => {
      mkdirSync(options.workspace, { recursive: true });
      const path = uniqueDocumentPath(options.workspace, name, existsSync);
      options.guard.check(path, 'write');
      const design = templateId
        ? designFromTemplate(templates.get(templateId), { name, now: now() })
        : createEmptyDesign({ name, now: now() });
      return remember(documents.create(path, design));
    },
    'doc.open': ({ path }) => {
      options.guard.check(path, 'open');
      return remember(documents.open(path));
    },
    'doc.close': ({ docId }) => {
      documents.close(docId);
      return {};
    },
    'doc.apply': ({ docId, ops }) => ({ revision: documents.apply(docId, ops) }),
    'doc.get': ({ docId }) => documents.get(docId),
    'doc.saveAs': ({ docId, path, overwrite }) => {
      options.guard.check(path, overwrite === true ? 'replace' : 'write');
      return remember(documents.saveAs(docId, path, overwrite === true));
    },
    'recent.list': () => recent.list(),
    'recent.clear': () => {
      recent.clear();
      return {};
    },
    'templates.list': () => templates.list(),
    'workspace.list': () => listDocuments(options.workspace),
  };

  return { handlers, documents, recent, dispose: () => documents.closeAll() };
}
