/*
 * Format 1 → 2 (DOMAIN.md §2.0): the request path made explicit. Keeps what the user meant and guesses nothing
 * silently; every judgement call leaves a note for the user:
 * - sibling connections out of one component, outside any parallel group and not fallbacks, whose
 *   probabilities are all < 1 and sum to 1 (± 1e-9) become one exclusive choice group;
 * - `parallel_group` / `join` / `join_k` on connections become one parallel group per (source, name), its join
 *   taken from the first member (members that disagree: the first wins and a note names the group);
 * - a fallback whose source has exactly one other hard sync call backs up that call; with several candidates
 *   (or none) it names no primary and a note asks the user to choose; its hand-typed probability is dropped
 *   (format 2 derives it from the primary's availability);
 * - every journey takes the default route (route: null), and fan-out stays sequential.
 * Works on raw JSON: the typed Design describes format 2 only.
 */

type Raw = Record<string, unknown>;

/** Tolerance on the sum of an exclusive group's probabilities. */
const SUM_TOLERANCE = 1e-9;

function isObject(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function list(value: unknown): Raw[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

/** A short, deterministic id from `text` (FNV-1a, 52 bits, base 36), so upgrading twice gives the same ids. */
function stableId(prefix: string, text: string, taken: Set<string>): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  const base = `${prefix}_${h1.toString(36)}${(h2 & 0xfffff).toString(36)}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}${n}`;
  taken.add(id);
  return id;
}

function attrs(connection: Raw): Raw {
  return isObject(connection.attributes) ? connection.attributes : {};
}

const q = (name: unknown): string => `"${String(name)}"`;

/** Upgrades a raw format-1 design to format 2; user-facing notes about judgement calls go to `notes`. */
export function upgradeFormat1To2(raw: Raw, notes: string[]): Raw {
  const components = list(raw.components);
  const nameOf = new Map(components.map((c) => [String(c.id), String(c.name ?? c.id)]));
  const takenIds = new Set<string>([...components, ...list(raw.connections)].map((e) => String(e.id)));
  const connections = list(raw.connections).map((e) => ({ ...e, groupId: null, primaryId: null }) as Raw);
  const groups: Raw[] = [];

  const bySource = new Map<string, Raw[]>();
  for (const e of connections) {
    const key = `${String(e.scenarioId)}\u0000${String(e.sourceId)}`;
    const siblings = bySource.get(key) ?? [];
    siblings.push(e);
    bySource.set(key, siblings);
  }

  for (const siblings of bySource.values()) {
    const first = siblings[0] as Raw;
    const source = String(first.sourceId);
    const sourceName = nameOf.get(source) ?? source;

    // Parallel groups, by name.
    const parallel = new Map<string, Raw[]>();
    for (const e of siblings) {
      const name = attrs(e).parallel_group;
      if (typeof name === 'string' && name.trim() !== '' && e.kind !== 'fallback') {
        const members = parallel.get(name) ?? [];
        members.push(e);
        parallel.set(name, members);
      }
    }
    for (const [name, members] of parallel) {
      const lead = attrs(members[0] as Raw);
      let join = ['all', 'any', 'k-of-n'].includes(lead.join as string) ? (lead.join as string) : 'all';
      let joinK = join === 'k-of-n' && typeof lead.join_k === 'number' ? lead.join_k : null;
      const disagree = members.some((m) => attrs(m).join !== lead.join || attrs(m).join_k !== lead.join_k);
      if (disagree) {
        notes.push(
          `The connections of parallel group ${q(name)} out of ${q(sourceName)} had different joins; the group ` +
            `now joins as ${join}${joinK === null ? '' : ` (${joinK})`}, as its first connection said. Check it.`,
        );
      }
      if (join === 'k-of-n' && joinK === null) {
        joinK = 1;
        notes.push(
          `Parallel group ${q(name)} out of ${q(sourceName)} joined k of n without a k; it now waits for 1. Check it.`,
        );
      }
      if (members.length === 1 && join !== 'all') join = 'all';
      const id = stableId('g', `${source}\u0000parallel\u0000${name}`, takenIds);
      groups.push({
        id,
        scenarioId: first.scenarioId,
        sourceId: source,
        name,
        type: 'parallel',
        join,
        joinK: join === 'k-of-n' ? joinK : null,
      });
      for (const m of members) m.groupId = id;
    }

    // An exclusive choice: the ungrouped, non-fallback siblings with probability < 1 that sum to 1.
    const branches = siblings.filter((e) => {
      const p = attrs(e).probability;
      return e.groupId === null && e.kind !== 'fallback' && typeof p === 'number' && p < 1;
    });
    const total = branches.reduce((sum, e) => sum + (attrs(e).probability as number), 0);
    if (branches.length >= 2 && Math.abs(total - 1) <= SUM_TOLERANCE) {
      const id = stableId('g', `${source}\u0000choice`, takenIds);
      groups.push({
        id,
        scenarioId: first.scenarioId,
        sourceId: source,
        name: `Choice from ${sourceName}`,
        type: 'exclusive',
        join: null,
        joinK: null,
      });
      for (const e of branches) e.groupId = id;
    }

    // Fallbacks name their primary when exactly one hard sync call could be it.
    const candidates = siblings.filter((e) => {
      const a = attrs(e);
      return e.kind !== 'fallback' && a.criticality !== 'soft' && a.mode !== 'async';
    });
    for (const fallback of siblings.filter((e) => e.kind === 'fallback')) {
      const targetName = nameOf.get(String(fallback.targetId)) ?? String(fallback.targetId);
      if (candidates.length === 1) {
        fallback.primaryId = (candidates[0] as Raw).id;
      } else {
        notes.push(
          `The fallback from ${q(sourceName)} to ${q(targetName)} could back up ` +
            `${candidates.length === 0 ? 'no call' : `${candidates.length} calls`} of ${q(sourceName)}, so it ` +
            'backs up none for now: select it and choose the call it backs up.',
        );
      }
    }
  }

  for (const e of connections) {
    const bag: Raw = { ...attrs(e) };
    delete bag.parallel_group;
    delete bag.join;
    delete bag.join_k;
    if (e.kind === 'fallback') delete bag.probability;
    if (!('fanout_mode' in bag)) bag.fanout_mode = 'sequential';
    e.attributes = bag;
  }

  const journeys = list(raw.journeys).map((j) => ({ ...j, route: null }));
  const meta = isObject(raw.meta) ? raw.meta : null;
  const settings = meta && isObject(meta.settings) ? meta.settings : null;
  const upgradedMeta =
    meta && settings && !('comparison' in settings)
      ? {
          ...meta,
          settings: { ...settings, comparison: { criteria: DEFAULT_CRITERIA.map((c) => ({ ...c })) } },
        }
      : raw.meta;
  return { ...raw, meta: upgradedMeta, connections, groups, journeys };
}

/** The comparison criteria a format-1 design gets (the same as a new design's). */
const DEFAULT_CRITERIA = [
  { metric: 'latency-p95', weight: 25 },
  { metric: 'availability', weight: 25 },
  { metric: 'monthly-cost', weight: 25 },
  { metric: 'cost-per-1k', weight: 25 },
] as const;
