import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyOperations } from '../../shared/model/apply.ts';
import type { Design } from '../../shared/model/document.ts';
import { createComponent, createConnection } from '../../shared/model/factory.ts';
import { OperationError, type Operation } from '../../shared/model/operations.ts';
import { fixture } from '../../shared/model/testing/small-design.ts';
import { openDocumentFile } from '../store/index.ts';
import { DocumentService } from './documents.ts';

let root: string;
let documents: DocumentService;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'mlarch-documents-'));
  documents = new DocumentService();
});

afterEach(() => {
  documents.closeAll();
  rmSync(root, { recursive: true, force: true });
});

// What the model itself says about the batch: the reason the host must pass on, and where.
function modelRefusal(design: Design, ops: Operation[]): OperationError {
  try {
    applyOperations(design, ops);
  } catch (error) {
    if (error instanceof OperationError) return error;
  }
  throw new Error('The model accepted the batch');
}

function refusal(docId: string, ops: Operation[]): OperationError {
  try {
    documents.apply(docId, ops);
  } catch (error) {
    if (error instanceof OperationError) return error;
    throw error;
  }
  throw new Error('The batch was accepted');
}

describe('DocumentService.apply refusals', () => {
  it('name the operation by position, type and entity, with the model reason, and change nothing', () => {
    const f = fixture();
    const path = join(root, 'Fraud.mlarch');
    const doc = documents.create(path, f.design);
    const cache = createComponent({
      scenarioId: f.scenarioId,
      kind: 'cache',
      name: 'Cache',
      position: { x: 0, y: 500 },
    });
    const ops: Operation[] = [
      { type: 'component.update', id: f.server.id, changes: { position: { x: 420, y: 0 } } },
      { type: 'component.add', component: cache },
      // The gateway still has three connections: the model refuses to leave them dangling.
      { type: 'component.remove', id: f.gateway.id },
      { type: 'component.update', id: cache.id, changes: { name: 'Hot cache' } },
      { type: 'component.remove', id: f.region.id },
    ];
    const model = modelRefusal(f.design, ops);
    expect(model.index).toBe(2);

    const error = refusal(doc.docId, ops);
    expect(error.index).toBe(2);
    expect(error.message).toBe(
      `Operation 3 of 5 (component.remove, component "Gateway", id ${f.gateway.id}) was refused: ` +
        model.message,
    );
    expect(documents.get(doc.docId).revision).toBe(doc.revision);
    documents.close(doc.docId);
    const reopened = openDocumentFile(path);
    try {
      expect(reopened.design).toEqual(f.design);
    } finally {
      reopened.close();
    }
  });

  it('name an entity added earlier in the batch, a connection by its ends, and one that does not exist', () => {
    const f = fixture();
    const doc = documents.create(join(root, 'Fraud.mlarch'), f.design);
    const cache = createComponent({
      scenarioId: f.scenarioId,
      kind: 'cache',
      name: 'Cache',
      position: { x: 0, y: 500 },
    });
    const badUpdate: Operation[] = [
      { type: 'component.add', component: cache },
      { type: 'component.update', id: cache.id, changes: { parentId: f.client.id } },
    ];
    expect(refusal(doc.docId, badUpdate).message).toMatch(
      new RegExp(
        `^Operation 2 of 2 \\(component\\.update, component "Cache", id ${cache.id}\\) was refused: .+`,
      ),
    );

    // A connection to a component that does not exist is named by its ends, the missing one by its id.
    const dangling = createConnection({
      scenarioId: f.scenarioId,
      sourceId: f.client.id,
      targetId: 'c_missing',
    });
    expect(refusal(doc.docId, [{ type: 'connection.add', connection: dangling }]).message).toMatch(
      new RegExp(
        `^Operation 1 of 1 \\(connection\\.add, connection from "Checkout" to c_missing, id ${dangling.id}\\) ` +
          'was refused: .+',
      ),
    );

    // An add after the refused operation did not happen yet: the entity is named by its id alone.
    const later: Operation[] = [
      { type: 'component.update', id: cache.id, changes: { name: 'Warm cache' } },
      { type: 'component.add', component: cache },
    ];
    expect(refusal(doc.docId, later).message).toMatch(
      new RegExp(`^Operation 1 of 2 \\(component\\.update, component ${cache.id}\\) was refused: `),
    );

    const missing: Operation[] = [{ type: 'journey.remove', id: 'j_missing' }];
    expect(refusal(doc.docId, missing).message).toBe(
      `Operation 1 of 1 (journey.remove, journey j_missing) was refused: ${modelRefusal(f.design, missing).message}`,
    );
    expect(documents.get(doc.docId).revision).toBe(doc.revision);
  });
});
