import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDecision, createRisk } from '../../shared/model/factory.ts';
import { syntheticDesign } from '../../shared/model/testing/synthetic.ts';
import { DocumentFileError, createDocumentFile, openDocumentFile } from './index.ts';
import { filesIn, makeTempDir, removeTempDir, sha256 } from './testing/fixtures.ts';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => {
  removeTempDir(dir);
});

const RISK_ID = 'r_keyed';
const DECISION_ID = 'a_keyed';

/** A closed document with journeys, a decision and a risk: every table that keeps fields as JSON. */
function documentWithJsonRows(): string {
  const file = path.join(dir, 'doc.mlarch');
  const document = createDocumentFile(file, syntheticDesign({ components: 40, connections: 30, seed: 5 }));
  document.apply([
    { type: 'decision.add', decision: { ...createDecision({ title: 'Use a cache' }), id: DECISION_ID } },
    { type: 'risk.add', risk: { ...createRisk({ findingId: 'spof@c_1', status: 'accepted' }), id: RISK_ID } },
  ]);
  document.close();
  return file;
}

/** Runs SQL on a closed document, as another program would. */
function tamper(file: string, sql: string): void {
  const db = new Database(file);
  db.exec(sql);
  db.close();
}

/** Opens `file` expecting a 'corrupt' refusal that leaves the file and its folder exactly as they were. */
function refusal(file: string): DocumentFileError {
  const hash = sha256(file);
  const mtime = fs.statSync(file).mtimeMs;
  const listing = filesIn(dir);
  let caught: unknown;
  try {
    openDocumentFile(file).close();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(DocumentFileError);
  expect((caught as DocumentFileError).code).toBe('corrupt');
  expect(sha256(file)).toBe(hash);
  expect(fs.statSync(file).mtimeMs).toBe(mtime);
  expect(filesIn(dir)).toEqual(listing);
  return caught as DocumentFileError;
}

describe('rows whose JSON carries a key column', () => {
  it('a journey whose data renames it is refused as damage, and the file is left as it was', () => {
    const file = documentWithJsonRows();
    const opened = openDocumentFile(file);
    const journeyId = opened.design.journeys[0]!.id;
    opened.close();
    // Reading this row as is would give a journey "j_renamed": removing it would delete no row, and the
    // journey would come back on the next open.
    tamper(file, `UPDATE journeys SET data = json_set(data, '$.id', 'j_renamed') WHERE id = '${journeyId}'`);
    expect(refusal(file).message).toBe(
      `Cannot open "${file}": the document is damaged (the journeys row ${journeyId} repeats its key "id" in ` +
        'its data column; only the id column may hold it). Open a backup or an earlier copy of it. ' +
        'The file was not changed.',
    );
  });

  it('a key in the JSON is refused even when it agrees with its column', () => {
    const file = documentWithJsonRows();
    tamper(file, `UPDATE risks SET data = json_set(data, '$.findingId', finding_id) WHERE id = '${RISK_ID}'`);
    expect(refusal(file).message).toContain(
      `the risks row ${RISK_ID} repeats its key "findingId" in its data column; only the finding_id column`,
    );
  });

  it('a journey whose data moves it to another scenario is refused', () => {
    const file = documentWithJsonRows();
    tamper(file, `UPDATE journeys SET data = json_set(data, '$.scenarioId', 's_elsewhere')`);
    expect(refusal(file).message).toContain('repeats its key "scenarioId"');
  });

  it('a data column that holds no JSON object is refused', () => {
    const file = documentWithJsonRows();
    tamper(file, `UPDATE decisions SET data = '[1, 2]' WHERE id = '${DECISION_ID}'`);
    expect(refusal(file).message).toContain(
      `the decisions row ${DECISION_ID} has no JSON object in its data column`,
    );
  });

  it('rows written by the store read back whole', () => {
    const file = documentWithJsonRows();
    const document = openDocumentFile(file);
    try {
      expect(document.design.decisions.map((d) => d.id)).toEqual([DECISION_ID]);
      expect(document.design.risks[0]).toMatchObject({ id: RISK_ID, findingId: 'spof@c_1' });
      expect(document.design.journeys.length).toBeGreaterThan(0);
    } finally {
      document.close();
    }
  });
});

describe('stored values the model refuses', () => {
  it('a position out of the canvas range, named by its path', () => {
    const file = documentWithJsonRows();
    tamper(file, 'UPDATE components SET x = 1e308 WHERE id = (SELECT min(id) FROM components)');
    expect(refusal(file).message).toContain(
      '(components[0].position.x: A canvas coordinate is between -1,000,000 and 1,000,000.)',
    );
  });

  it('a decision dated on a day that does not exist', () => {
    const file = documentWithJsonRows();
    tamper(file, `UPDATE decisions SET data = json_set(data, '$.date', '2026-02-30')`);
    expect(refusal(file).message).toContain('(decisions[0].date: No such day:');
  });

  it('a lone surrogate, which JSON can spell as an escape', () => {
    const file = documentWithJsonRows();
    // In SQL the backslash is a plain character: the JSON text holds the six characters \ud800.
    tamper(file, `UPDATE journeys SET data = replace(data, '"description":""', '"description":"\\ud800"')`);
    expect(refusal(file).message).toContain('(journeys[0].description: The text holds a broken character');
  });
});
