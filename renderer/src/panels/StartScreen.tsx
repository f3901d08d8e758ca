import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { ResponseOf } from '../../../shared/api.ts';
import { request } from '../api/client.ts';
import { createDocument, openDocument, promptOpen } from '../store/documents.ts';
import { reportError } from '../store/index.ts';
import { DocumentList } from './DocumentList.tsx';

type Templates = ResponseOf<'templates.list'>;
type Recent = ResponseOf<'recent.list'>;

/** What the user sees with no document open: start a design, from scratch or a template, or open one. */
export function StartScreen() {
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [templates, setTemplates] = useState<Templates>([]);
  const [recent, setRecent] = useState<Recent>([]);

  useEffect(() => {
    let live = true;
    request('templates.list', {})
      .then((list) => live && setTemplates(list))
      .catch(reportError);
    request('recent.list', {})
      .then((list) => live && setRecent(list))
      .catch(reportError);
    return () => {
      live = false;
    };
  }, []);

  const create = async (templateId: string | null, fallbackName: string) => {
    setBusy(true);
    await createDocument(name.trim() || fallbackName, templateId);
    setBusy(false);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) void create(null, name);
  };

  const clearRecent = async () => {
    try {
      await request('recent.clear', {});
      setRecent([]);
    } catch (error) {
      reportError(error);
    }
  };

  return (
    <main className="start-screen" aria-label="Start">
      <h1>MLArch Studio</h1>
      <p className="muted">Model ML system architectures; every edit is saved to the design file at once.</p>
      <div className="start-columns">
        <section aria-labelledby="start-new">
          <h2 id="start-new">New design</h2>
          <form className="form" onSubmit={submit}>
            <label htmlFor="new-design-name">Design name</label>
            <input
              id="new-design-name"
              value={name}
              maxLength={120}
              placeholder="e.g. Fraud scoring platform"
              onChange={(e) => setName(e.target.value)}
            />
            <div className="form-actions">
              <button type="submit" className="primary" disabled={busy || !name.trim()}>
                Create design
              </button>
              <button type="button" onClick={() => void promptOpen()}>
                Open…
              </button>
            </div>
          </form>
          {templates.length > 0 && (
            <>
              <h3>Start from a template</h3>
              <ul className="template-list" aria-label="Templates">
                {templates.map((t) => (
                  <li key={t.id}>
                    <div>
                      <strong>{t.name}</strong>{' '}
                      <span className="muted small">{t.componentCount} components</span>
                      <p className="small">{t.description}</p>
                    </div>
                    <button
                      type="button"
                      disabled={busy}
                      aria-label={`New from template ${t.name}`}
                      onClick={() => void create(t.id, t.name)}
                    >
                      New from template
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
        <section aria-labelledby="start-recent">
          <div className="section-header">
            <h2 id="start-recent">Recent designs</h2>
            {recent.length > 0 && (
              <button type="button" className="link-button" onClick={() => void clearRecent()}>
                Clear list
              </button>
            )}
          </div>
          <DocumentList
            label="Recent designs"
            items={recent.map((r) => ({ path: r.path, name: r.name, when: r.openedAt, missing: !r.exists }))}
            empty="Designs you open appear here."
            onOpen={(path) => void openDocument(path)}
          />
        </section>
      </div>
    </main>
  );
}
