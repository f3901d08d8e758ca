import {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel, ResponseOf, Result } from '../../shared/api.ts';
import { serializeDesign } from '../../shared/model/canonical.ts';
import { createComponent, createEmptyDesign } from '../../shared/model/factory.ts';
import { createDispatcher, type Dispatcher } from './dispatch.ts';
import { createHostServices, type HostServices } from './services.ts';
import { workspaceGuard } from './workspace.ts';

let root: string;
let workspace: string;
let services: HostServices;
let dispatcher: Dispatcher;

function start(): void {
  services = createHostServices({
    host: 'web',
    workspace,
    userDataDir: join(root, 'user-data'),
    templatesDir: join(root, 'templates'),
    appVersion: '9.9.9',
    guard: workspaceGuard(workspace),
    now: () => new Date('2026-11-28T10:00:00.000Z'),
  });
  dispatcher = createDispatcher(services.handlers);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'mlarch-host-'));
  workspace = join(root, 'workspace');
  mkdirSync(join(root, 'templates'), { recursive: true });
  start();
});

afterEach(() => {
  services.dispose();
  rmSync(root, { recursive: true, force: true });
});

async function ok<C extends Channel>(channel: C, payload: unknown): Promise<ResponseOf<C>> {
  const result = (await dispatcher.dispatch(channel, payload)) as Result<ResponseOf<C>>;
  if (!result.ok) throw new Error(`${channel} failed: ${result.error}`);
  return result.data;
}

async function error(channel: Channel, payload: unknown): Promise<string> {
  const result = await dispatcher.dispatch(channel, payload);
  if (result.ok) throw new Error(`${channel} unexpectedly succeeded`);
  return result.error;
}

describe('host services', () => {
  it('creates a design in the workspace, applies edits and reads them back after a restart', async () => {
    const doc = await ok('doc.new', { name: 'Fraud scoring', templateId: null });
    expect(doc.path).toBe(join(workspace, 'Fraud scoring.mlarch'));
    expect(doc.design.meta.name).toBe('Fraud scoring');
    const scenarioId = doc.design.scenarios[0]!.id;
    const component = createComponent({ scenarioId, kind: 'api-gateway', position: { x: 10, y: 20 } });
    const { revision } = await ok('doc.apply', {
      docId: doc.docId,
      ops: [{ type: 'component.add', component }],
    });
    expect(revision).toBe(doc.revision + 1);

    services.dispose();
    start();
    const reopened = await ok('doc.open', { path: doc.path });
    expect(reopened.design.components).toEqual([component]);
    expect(reopened.revision).toBe(revision);
  });

  it('names a second design of the same name apart instead of overwriting the first', async () => {
    const first = await ok('doc.new', { name: 'Plan', templateId: null });
    const second = await ok('doc.new', { name: 'Plan', templateId: null });
    expect(second.path).toBe(join(workspace, 'Plan 2.mlarch'));
    expect(first.path).not.toBe(second.path);
    const listed = await ok('workspace.list', {});
    expect(listed.map((f) => f.name).sort()).toEqual(['Plan', 'Plan 2']);
  });

  it('keeps hostile characters out of file names', async () => {
    const doc = await ok('doc.new', { name: '../../etc/passwd', templateId: null });
    expect(doc.path.startsWith(workspace)).toBe(true);
    expect(doc.design.meta.name).toBe('../../etc/passwd');
  });

  it('refuses an invalid operation with a readable message and keeps the document unchanged', async () => {
    const doc = await ok('doc.new', { name: 'D', templateId: null });
    const message = await error('doc.apply', {
      docId: doc.docId,
      ops: [{ type: 'component.remove', id: 'c_missing' }],
    });
    expect(message).toMatch(/c_missing|not exist|no component/i);
    const after = await ok('doc.get', { docId: doc.docId });
    expect(after.revision).toBe(doc.revision);
  });

  it('rejects payloads that fail the contract', async () => {
    expect(await error('doc.new', { name: '', templateId: null })).toMatch(/name/);
    expect(await error('doc.apply', { docId: 'x', ops: [] })).toMatch(/ops/);
    expect(await error('doc.open', { path: 42 })).toMatch(/path/);
  });

  it('refuses a path with a NUL character before any check or file access', async () => {
    const message = await error('doc.open', { path: join(workspace, 'A.mlarch\0.txt') });
    expect(message).toMatch(/Invalid request to doc.open: path: .*NUL/);
    const doc = await ok('doc.new', { name: 'D', templateId: null });
    expect(await error('doc.saveAs', { docId: doc.docId, path: join(workspace, 'B\0.mlarch') })).toMatch(
      /NUL/,
    );
  });

  it('keeps prototype keys in a JSON payload from reaching the design or Object.prototype', async () => {
    const doc = await ok('doc.new', { name: 'D', templateId: null });
    const scenarioId = doc.design.scenarios[0]!.id;
    const outcomes: boolean[] = [];
    for (const extra of ['"__proto__": {"polluted": true}', '"constructor": 1', '"toString": "x"']) {
      const component = createComponent({ scenarioId, kind: 'cache', position: { x: 0, y: 0 } });
      const attributes = JSON.stringify(component.attributes).replace(/^\{/, `{${extra}, `);
      const json = JSON.stringify({ docId: doc.docId, ops: [{ type: 'component.add', component }] });
      const payload = JSON.parse(json.replace(JSON.stringify(component.attributes), attributes)) as unknown;
      const result = await dispatcher.dispatch('doc.apply', payload);
      outcomes.push(result.ok);
      if (result.ok) {
        const stored = (await ok('doc.get', { docId: doc.docId })).design.components.at(-1)!;
        expect(Object.getPrototypeOf(stored.attributes), extra).toBe(Object.prototype);
        expect(Object.keys(stored.attributes).sort(), extra).toEqual(
          Object.keys(component.attributes).sort(),
        );
      }
      expect(({} as Record<string, unknown>)['polluted'], extra).toBeUndefined();
    }
    // __proto__ is dropped by the schema; an inherited name is an unknown attribute and refused.
    expect(outcomes).toEqual([true, false, false]);
  });

  it('opens only .mlarch files inside the workspace in the browser host', async () => {
    writeFileSync(join(root, 'outside.mlarch'), 'x');
    expect(await error('doc.open', { path: join(root, 'outside.mlarch') })).toMatch(/workspace/);
    expect(await error('doc.open', { path: join(workspace, '..', 'outside.mlarch') })).toMatch(/workspace/);
    expect(await error('doc.open', { path: join(workspace, 'notes.txt') })).toMatch(/\.mlarch/);
  });

  it('opening a file that is not a design says so and leaves it byte-identical', async () => {
    mkdirSync(workspace, { recursive: true });
    const path = join(workspace, 'broken.mlarch');
    writeFileSync(path, 'this is not a database, just text pretending to be one\n'.repeat(50));
    const before = readFileSync(path);
    const message = await error('doc.open', { path });
    expect(message).toMatch(/broken\.mlarch/);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(`${path}-wal`) || existsSync(`${path}-shm`)).toBe(false);
  });

  it('save as continues on the copy and leaves the original intact', async () => {
    const doc = await ok('doc.new', { name: 'Original', templateId: null });
    const target = join(workspace, 'Copy.mlarch');
    const copy = await ok('doc.saveAs', { docId: doc.docId, path: target });
    expect(copy.path).toBe(target);
    expect(copy.design).toEqual(doc.design);
    const scenarioId = copy.design.scenarios[0]!.id;
    const component = createComponent({ scenarioId, kind: 'cache', position: { x: 0, y: 0 } });
    await ok('doc.apply', { docId: copy.docId, ops: [{ type: 'component.add', component }] });
    expect(await error('doc.get', { docId: doc.docId })).toMatch(/no longer open/);
    const original = await ok('doc.open', { path: doc.path });
    expect(original.design.components).toEqual([]);
    expect(await error('doc.saveAs', { docId: original.docId, path: target })).toMatch(/already exists/);
    expect(await error('doc.saveAs', { docId: original.docId, path: target, overwrite: true })).toMatch(
      /is open/,
    );
  });

  it('save as replaces an existing file only when told to', async () => {
    const doc = await ok('doc.new', { name: 'Source', templateId: null });
    const other = await ok('doc.new', { name: 'Target', templateId: null });
    await ok('doc.close', { docId: other.docId });
    const copy = await ok('doc.saveAs', { docId: doc.docId, path: other.path, overwrite: true });
    expect(copy.design.meta.name).toBe('Source');
    services.dispose();
    start();
    expect((await ok('doc.open', { path: other.path })).design.meta.id).toBe(doc.design.meta.id);
  });

  it('save as never replaces an open design reached under another name', async () => {
    // A hard link stands in for what macOS and Windows do with letter case: another name, the same file.
    const open = await ok('doc.new', { name: 'Open', templateId: null });
    const source = await ok('doc.new', { name: 'Source', templateId: null });
    const alias = join(workspace, 'Alias.mlarch');
    linkSync(open.path, alias);
    expect(await error('doc.saveAs', { docId: source.docId, path: alias, overwrite: true })).toMatch(
      /is open/,
    );
    const scenarioId = open.design.scenarios[0]!.id;
    const component = createComponent({ scenarioId, kind: 'cache', position: { x: 0, y: 0 } });
    await ok('doc.apply', { docId: open.docId, ops: [{ type: 'component.add', component }] });
    expect((await ok('doc.get', { docId: source.docId })).path).toBe(source.path);
  });

  it('save as replaces only an existing design, never another kind of file', async () => {
    const doc = await ok('doc.new', { name: 'D', templateId: null });
    const notes = join(workspace, 'notes.mlarch');
    writeFileSync(notes, 'my own notes, not a design\n');
    expect(await error('doc.saveAs', { docId: doc.docId, path: notes, overwrite: true })).toMatch(
      /not an MLArch design/,
    );
    expect(readFileSync(notes, 'utf8')).toBe('my own notes, not a design\n');
    mkdirSync(join(workspace, 'folder.mlarch'));
    expect(
      await error('doc.saveAs', {
        docId: doc.docId,
        path: join(workspace, 'folder.mlarch'),
        overwrite: true,
      }),
    ).toMatch(/not an MLArch design/);
    expect((await ok('doc.get', { docId: doc.docId })).path).toBe(doc.path);
  });

  it('opening an open design under another name answers the open document', async () => {
    const doc = await ok('doc.new', { name: 'Linked', templateId: null });
    const link = join(workspace, 'Link.mlarch');
    symlinkSync(doc.path, link);
    const again = await ok('doc.open', { path: link });
    expect(again.docId).toBe(doc.docId);
  });

  it('remembers recent documents across restarts, most recent first, and clears them', async () => {
    const a = await ok('doc.new', { name: 'A', templateId: null });
    const b = await ok('doc.new', { name: 'B', templateId: null });
    await ok('doc.open', { path: a.path });
    services.dispose();
    start();
    const recent = await ok('recent.list', {});
    expect(recent.map((r) => r.path)).toEqual([a.path, b.path]);
    expect(recent.every((r) => r.exists)).toBe(true);
    rmSync(b.path);
    expect((await ok('recent.list', {})).find((r) => r.path === b.path)?.exists).toBe(false);
    await ok('recent.clear', {});
    expect(await ok('recent.list', {})).toEqual([]);
  });

  it('survives a damaged recent-documents file', async () => {
    mkdirSync(join(root, 'user-data'), { recursive: true });
    writeFileSync(join(root, 'user-data', 'recent-documents.json'), '{"version": 1, "entries": [');
    services.dispose();
    start();
    expect(await ok('recent.list', {})).toEqual([]);
  });

  it('lists templates and creates a design from one under a new identity', async () => {
    const template = createEmptyDesign({ name: 'Real-time inference' });
    const scenarioId = template.scenarios[0]!.id;
    template.components.push(createComponent({ scenarioId, kind: 'model-server', position: { x: 0, y: 0 } }));
    writeFileSync(join(root, 'templates', 'real-time.design.json'), serializeDesign(template));
    const list = await ok('templates.list', {});
    expect(list).toEqual([
      { id: 'real-time', name: 'Real-time inference', description: '', componentCount: 1 },
    ]);
    const doc = await ok('doc.new', { name: 'My service', templateId: 'real-time' });
    expect(doc.design.meta.name).toBe('My service');
    expect(doc.design.meta.id).not.toBe(template.meta.id);
    expect(doc.design.components).toEqual(template.components);
    expect(await error('doc.new', { name: 'X', templateId: 'nope' })).toMatch(/no template "nope"/);
  });

  it('describes itself', async () => {
    expect(await ok('app.info', {})).toEqual({
      host: 'web',
      version: '9.9.9',
      workspace,
      nativeDialogs: false,
    });
  });
});
