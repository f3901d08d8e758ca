import { isNewerCatalog } from './catalog/index.ts';
import type { Design, EntityCollection, EntityOf } from './document.ts';
import { ENTITY_COLLECTIONS } from './document.ts';
import type { EntityLookup } from './entities.ts';
import { entityRow } from './entities.ts';
import { referencePath, referencesFrom } from './references.ts';

/*
 * The integrity of a whole design (a file being loaded): the same rules applyOperations checks one entity
 * at a time, read from the same tables (entities.ts, references.ts, rules.ts).
 */

export {
  connectionName,
  endpointsProblem,
  formatPath,
  isBoundaryKind,
  journeyEntryProblem,
  parentProblem,
  plural,
  q,
  scenarioProblem,
} from './rules.ts';
export type { ModelLookup } from './rules.ts';

type Indexes = { [K in EntityCollection]: Map<string, EntityOf<K>> };

function indexById<K extends EntityCollection>(
  design: Design,
  key: K,
  problems: string[],
): Map<string, EntityOf<K>> {
  const map = new Map<string, EntityOf<K>>();
  (design[key] as readonly EntityOf<K>[]).forEach((item, i) => {
    if (map.has(item.id)) problems.push(`${key}[${i}].id: the id ${item.id} is used twice.`);
    else map.set(item.id, item);
  });
  return map;
}

function checkCollection<K extends EntityCollection>(
  design: Design,
  key: K,
  lookup: EntityLookup,
  problems: string[],
): void {
  const row = entityRow(key);
  const references = referencesFrom(key);
  const uniques = (row.unique ?? []).map((unique) => ({ unique, seen: new Set<unknown>() }));
  if (references.length === 0 && uniques.length === 0 && !row.problems) return;
  (design[key] as readonly EntityOf<K>[]).forEach((entity, i) => {
    const at = `${key}[${i}]`;
    for (const ref of references) {
      const message = ref.check(entity, lookup);
      if (message !== null) problems.push(`${at}${referencePath(ref)}: ${message}`);
    }
    for (const problem of row.problems?.(entity, lookup) ?? []) {
      problems.push(`${at}.${problem.path}: ${problem.message}`);
    }
    for (const { unique, seen } of uniques) {
      const value = entity[unique.field];
      if (seen.has(value)) problems.push(`${at}.${unique.field}: ${unique.twice(entity)}`);
      seen.add(value);
    }
  });
}

/**
 * The referential problems of a whole design (ids unique, scenarios, parents, endpoints, journey entries,
 * attributes against the catalog, unique keys), each prefixed with its path; empty when the design is sound.
 * Soft references are not checked: a decision option's scenarioId and a decision's supersededBy may dangle.
 */
export function validateDesign(design: Design): string[] {
  const problems: string[] = [];
  const indexes: Partial<Indexes> = {};
  for (const key of ENTITY_COLLECTIONS) {
    (indexes as Record<EntityCollection, unknown>)[key] = indexById(design, key, problems);
  }
  const byId = indexes as Indexes;
  const lookup: EntityLookup = {
    scenario: (id) => byId.scenarios.get(id),
    component: (id) => byId.components.get(id),
    find: (key, id) => byId[key].get(id),
    keepUnknownAttributes: isNewerCatalog(design.catalogVersion),
  };
  for (const key of ENTITY_COLLECTIONS) checkCollection(design, key, lookup, problems);
  return problems;
}
