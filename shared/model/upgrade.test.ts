import { describe, expect, it } from 'vitest';
import { parseDesign, serializeDesign } from './canonical.ts';
import type { Design } from './document.ts';
import { createComponent, createConnection, createEmptyDesign } from './factory.ts';
import type { UpgradeTable } from './upgrade.ts';
import { DesignFormatError, defaultUpgrades, upgradeDesign } from './upgrade.ts';

function sample(): Design {
  const design = createEmptyDesign({ name: 'Old', now: new Date('2025-05-05T05:05:05.000Z') });
  const scenarioId = design.scenarios[0]!.id;
  const a = createComponent({ scenarioId, kind: 'api-gateway', position: { x: 0, y: 0 } });
  const b = createComponent({ scenarioId, kind: 'cache', position: { x: 100, y: 0 } });
  return {
    ...design,
    components: [a, b],
    connections: [createConnection({ scenarioId, sourceId: a.id, targetId: b.id })],
  };
}

/** A fake format 0 that called the component kind `type`; format 1 calls it `kind`. */
const fakeUpgrades: UpgradeTable = {
  ...defaultUpgrades,
  0: (raw) => ({
    ...raw,
    components: (raw.components as Record<string, unknown>[]).map(({ type, ...rest }) => ({
      ...rest,
      kind: type,
    })),
  }),
};

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof DesignFormatError) return `${error.code}: ${error.message}`;
    throw error;
  }
  return 'no error';
}

describe('upgradeDesign', () => {
  it('leaves a current design as it is', () => {
    const design = sample();
    expect(upgradeDesign(design)).toBe(design);
  });

  it('runs the chain from an older format', () => {
    const design = sample();
    const old = {
      ...design,
      formatVersion: 0,
      components: design.components.map(({ kind, ...rest }) => ({ ...rest, type: kind })),
    };
    const upgraded = upgradeDesign(old, fakeUpgrades);
    expect(upgraded).toEqual(design);
    expect(parseDesign(JSON.stringify(old), fakeUpgrades)).toEqual(parseDesign(serializeDesign(design)));
  });

  it('refuses an older format it has no step for', () => {
    expect(codeOf(() => upgradeDesign({ ...sample(), formatVersion: 0 }))).toBe(
      'not-a-design: This is not an MLArch design this version can read: no upgrade exists from format 0.',
    );
  });

  it('fills attributes the catalog gained since the file was written', () => {
    const design = sample();
    const raw = structuredClone(design) as Design;
    delete raw.components[0]!.attributes.availability;
    delete raw.connections[0]!.attributes.retries;
    const before = structuredClone(raw);
    expect(upgradeDesign(raw)).toEqual(design);
    expect(raw).toEqual(before);
  });

  it('explains what is not a design', () => {
    expect(codeOf(() => upgradeDesign('hello'))).toBe(
      'not-a-design: This is not an MLArch design: the file holds a string, not an object.',
    );
    expect(codeOf(() => upgradeDesign(null))).toBe(
      'not-a-design: This is not an MLArch design: the file holds null, not an object.',
    );
    expect(codeOf(() => upgradeDesign({ name: 'x' }))).toBe(
      'not-a-design: This is not an MLArch design: it has no "formatVersion".',
    );
    expect(codeOf(() => upgradeDesign({ formatVersion: '1' }))).toBe(
      'not-a-design: This is not an MLArch design: its "formatVersion" is "1", not a format number.',
    );
    expect(codeOf(() => upgradeDesign({ formatVersion: 3 }))).toMatch(
      /^newer-version: .*\(format 3; this version reads up to 2\)/,
    );
  });
});
