import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { ResponseOf } from '../../shared/api.ts';
import { createComponent } from '../../shared/model/factory.ts';
import { createDispatcher, UserError } from './dispatch.ts';
import { createHostServices } from './services.ts';
import { workspaceGuard } from './workspace.ts';

const appInfo = () => ({ host: 'web' as const, version: '1', workspace: '/w', nativeDialogs: false });

describe('dispatcher', () => {
  it('serves no name inherited from Object.prototype', async () => {
    const dispatcher = createDispatcher({ 'app.info': appInfo });
    for (const channel of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '']) {
      expect(dispatcher.has(channel), channel).toBe(false);
      expect(await dispatcher.dispatch(channel, {}), channel).toEqual({
        ok: false,
        error: `This host does not serve "${channel}".`,
      });
    }
  });

  it('refuses __proto__ in a payload and leaves Object.prototype alone', async () => {
    const close = vi.fn(() => ({}));
    const dispatcher = createDispatcher({ 'doc.close': close });
    const payload = JSON.parse('{"docId": "doc_1", "__proto__": {"polluted": true}}') as unknown;
    expect(await dispatcher.dispatch('doc.close', payload)).toMatchObject({ ok: false });
    expect(close).not.toHaveBeenCalled();
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('tells the user what failed without passing on internal details', async () => {
    const failure = Object.assign(
      new Error("EACCES: permission denied, open '/home/someone/.config/secret/recent.json'"),
      { code: 'EACCES' },
    );
    const logged = vi.fn();
    const dispatcher = createDispatcher(
      {
        'recent.clear': () => {
          throw failure;
        },
        'recent.list': () => {
          throw new UserError('A message written for people.');
        },
      },
      logged,
    );
    const result = await dispatcher.dispatch('recent.clear', {});
    expect(result).toEqual({ ok: false, error: expect.stringContaining('recent.clear') });
    if (result.ok) return;
    expect(result.error).toContain('EACCES');
    expect(result.error).not.toContain('/home/someone');
    expect(logged).toHaveBeenCalledWith(failure);
    expect(await dispatcher.dispatch('recent.list', {})).toEqual({
      ok: false,
      error: 'A message written for people.',
    });
  });
});

describe('dispatcher with the host services', () => {
  function host() {
    const root = mkdtempSync(join(tmpdir(), 'mlarch-dispatch-'));
    const workspace = join(root, 'workspace');
    mkdirSync(workspace);
    const services = createHostServices({
      host: 'web',
      workspace,
      userDataDir: join(root, 'user-data'),
      templatesDir: join(root, 'templates'),
      appVersion: '1.0.0',
      guard: workspaceGuard(workspace),
    });
    const dispatcher = createDispatcher(services.handlers);
    const dispose = () => {
      services.dispose();
      rmSync(root, { recursive: true, force: true });
    };
    return { workspace, dispatcher, dispose };
  }

  it('answers a refused doc.apply with the operation, its entity and the reason', async () => {
    const { dispatcher, dispose } = host();
    try {
      const created = await dispatcher.dispatch('doc.new', { name: 'Plan', templateId: null });
      if (!created.ok) throw new Error(created.error);
      const doc = created.data as ResponseOf<'doc.new'>;
      const scenarioId = doc.design.scenarios[0]!.id;
      const at = (x: number) => ({ x, y: 0 });
      const api = createComponent({ scenarioId, kind: 'api-gateway', name: 'API', position: at(0) });
      const model = createComponent({ scenarioId, kind: 'model-server', name: 'Model', position: at(200) });
      const added = await dispatcher.dispatch('doc.apply', {
        docId: doc.docId,
        ops: [{ type: 'component.add', component: api }],
      });
      expect(added).toEqual({ ok: true, data: { revision: doc.revision + 1 } });

      const refused = await dispatcher.dispatch('doc.apply', {
        docId: doc.docId,
        ops: [
          { type: 'component.add', component: model },
          { type: 'component.update', id: api.id, changes: { name: 'Edge API' } },
          { type: 'component.add', component: { ...model, name: 'Model copy' } },
          { type: 'component.remove', id: api.id },
        ],
      });
      expect(refused).toEqual({
        ok: false,
        error:
          `Operation 3 of 4 (component.add, component "Model copy", id ${model.id}) was refused: ` +
          `Cannot add "Model copy": the id ${model.id} is already used by "Model".`,
      });
      // All or nothing: the first two operations of the refused batch did not stick either.
      const after = await dispatcher.dispatch('doc.get', { docId: doc.docId });
      expect(after).toMatchObject({ ok: true, data: { revision: doc.revision + 1 } });
      if (after.ok) {
        const design = (after.data as ResponseOf<'doc.get'>).design;
        expect(design.components.map((c) => c.name)).toEqual(['API']);
      }
    } finally {
      dispose();
    }
  });

  it('refuses a design name holding half of a character before anything is created', async () => {
    const { workspace, dispatcher, dispose } = host();
    try {
      for (const name of ['Plan \ud83d', '\udc4d Plan', 'a\ud800b']) {
        expect(await dispatcher.dispatch('doc.new', { name, templateId: null }), name).toEqual({
          ok: false,
          error:
            'Invalid request to doc.new: name: A design name cannot contain half of a character ' +
            '(a broken emoji or symbol). Retype the name.',
        });
      }
      expect(readdirSync(workspace)).toEqual([]);
      const whole = await dispatcher.dispatch('doc.new', { name: 'Plan 👍🏽', templateId: null });
      expect(whole).toMatchObject({ ok: true, data: { path: join(workspace, 'Plan 👍🏽.mlarch') } });
    } finally {
      dispose();
    }
  });
});
