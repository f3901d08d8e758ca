import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDesign, serializeDesign } from '../../shared/model/canonical.ts';
import { componentAttributeProblems, connectionAttributeProblems } from '../../shared/model/catalog/index.ts';
import type { Component, Design } from '../../shared/model/document.ts';
import { isBoundaryKind, validateDesign } from '../../shared/model/integrity.ts';
import { TEMPLATE_DIR, templateFileName, templates } from '../fixtures/templates/index.ts';
import { NODE_SIZE } from '../fixtures/templates/kit.ts';

// The golden-path templates ship as JSON generated from test/fixtures/templates; these tests keep the JSON
// loadable, complete and in step with its source (regenerate with `node test/fixtures/templates/build.ts`).

const EXPECTED_IDS = [
  'batch-scoring',
  'real-time-inference',
  'recommendations',
  'nlp-classification',
  'fraud-detection',
  'rag-llm',
];

const dir = fileURLToPath(new URL(`../../${TEMPLATE_DIR}/`, import.meta.url));

function shipped(id: string): string {
  return readFileSync(join(dir, templateFileName(id)), 'utf8');
}

/** Components reachable from `entryId` over sync calls (the journey's request path), the entry excluded. */
function requestPath(design: Design, entryId: string): Set<string> {
  const seen = new Set<string>([entryId]);
  const queue = [entryId];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const e of design.connections) {
      if (e.sourceId !== id || e.kind !== 'call' || e.attributes['mode'] !== 'sync') continue;
      if (!seen.has(e.targetId)) {
        seen.add(e.targetId);
        queue.push(e.targetId);
      }
    }
  }
  seen.delete(entryId);
  return seen;
}

/** Absolute canvas rectangle of a component (positions are relative to the parent boundary). */
function absoluteBox(c: Component, byId: ReadonlyMap<string, Component>) {
  let x = c.position.x;
  let y = c.position.y;
  for (let p = c.parentId === null ? undefined : byId.get(c.parentId); p;) {
    x += p.position.x;
    y += p.position.y;
    p = p.parentId === null ? undefined : byId.get(p.parentId);
  }
  const size = c.size ?? NODE_SIZE;
  return { x, y, right: x + size.width, bottom: y + size.height };
}

function isInside(c: Component, boundaryId: string, byId: ReadonlyMap<string, Component>): boolean {
  for (let p = c.parentId; p !== null; p = byId.get(p)?.parentId ?? null) if (p === boundaryId) return true;
  return false;
}

describe('golden-path templates', () => {
  it('ships the six templates of DOMAIN.md §3, each generated from its source', () => {
    expect(templates.map((t) => t.id).sort()).toEqual([...EXPECTED_IDS].sort());
    const files = readdirSync(dir).filter((f) => f.endsWith('.design.json'));
    expect(files.sort()).toEqual(EXPECTED_IDS.map(templateFileName).sort());
  });

  describe.each(templates.map((t) => [t.id, t] as const))('%s', (id, template) => {
    const text = shipped(id);
    const design = parseDesign(text);

    it('parses and has no referential problems', () => {
      expect(validateDesign(design)).toEqual([]);
      expect(design.meta.name.length).toBeGreaterThan(0);
      expect(design.meta.description.length).toBeGreaterThan(20);
      expect(design.scenarios.map((s) => s.name)).toContain('Baseline');
    });

    it('matches its source byte for byte (regenerate with build.ts after editing the source)', () => {
      expect(serializeDesign(template.build())).toBe(text);
    });

    it('gives every component and connection every attribute of its kind, all valid', () => {
      for (const c of design.components) {
        expect(componentAttributeProblems(c.kind, c.attributes, true), c.id).toEqual([]);
      }
      for (const e of design.connections) {
        expect(connectionAttributeProblems(e.kind, e.attributes, true), e.id).toEqual([]);
      }
    });

    it('has a journey in every scenario, each starting at a client app or an entry gateway', () => {
      const byId = new Map(design.components.map((c) => [c.id, c]));
      for (const s of design.scenarios) {
        expect(design.journeys.filter((j) => j.scenarioId === s.id).length, s.name).toBeGreaterThan(0);
      }
      for (const j of design.journeys) {
        const entry = byId.get(j.entryId);
        const isEntry =
          entry?.kind === 'client-app' ||
          (entry?.kind === 'api-gateway' && entry.attributes['entry'] === true);
        expect(isEntry, j.name).toBe(true);
        expect(j.peakRps).toBeGreaterThanOrEqual(j.avgRps);
        expect(j.p95SloMs ?? j.p99SloMs, j.name).not.toBeNull();
        expect(j.availabilitySlo, j.name).not.toBeNull();
      }
    });

    it('connects each journey entry to its request path (≥ 3 components over sync calls)', () => {
      for (const j of design.journeys) {
        expect(requestPath(design, j.entryId).size, j.name).toBeGreaterThanOrEqual(3);
      }
    });

    it('lays the canvas out readably: children fit their boundary, nothing overlaps', () => {
      const byId = new Map(design.components.map((c) => [c.id, c]));
      for (const s of design.scenarios) {
        const inScenario = design.components.filter((c) => c.scenarioId === s.id);
        const boxes = new Map(inScenario.map((c) => [c.id, absoluteBox(c, byId)]));
        for (const c of inScenario) {
          const box = boxes.get(c.id);
          if (!box) continue;
          if (c.parentId !== null) {
            const parent = byId.get(c.parentId);
            expect(parent?.size, c.id).toBeTruthy();
            expect(c.position.x, c.id).toBeGreaterThanOrEqual(0);
            expect(c.position.y, c.id).toBeGreaterThanOrEqual(0);
            expect(c.position.x + (c.size ?? NODE_SIZE).width, c.id).toBeLessThanOrEqual(
              parent?.size?.width ?? 0,
            );
            expect(c.position.y + (c.size ?? NODE_SIZE).height, c.id).toBeLessThanOrEqual(
              parent?.size?.height ?? 0,
            );
          }
          for (const other of inScenario) {
            const o = boxes.get(other.id);
            if (other.id === c.id || !o) continue;
            const overlaps = box.x < o.right && o.x < box.right && box.y < o.bottom && o.y < box.bottom;
            // Overlap is only allowed between a boundary and what it (transitively) contains.
            const nested =
              (isBoundaryKind(c.kind) && isInside(other, c.id, byId)) ||
              (isBoundaryKind(other.kind) && isInside(c, other.id, byId));
            if (overlaps) expect(nested, `${c.id} overlaps ${other.id}`).toBe(true);
          }
        }
      }
    });
  });
});
