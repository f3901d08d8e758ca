import {
  getConnectionKindSpec,
  getKindSpec,
  readEnum,
  readNumber,
  readString,
} from '../../../../shared/model/catalog/index.ts';
import type { Design } from '../../../../shared/model/document.ts';
import { replicaSettings } from '../../../../shared/model/replicas.ts';
import type { ReplicaSettings } from '../../../../shared/model/replicas.ts';

/** One line of the Components table: display values read from the component and its attributes. */
export interface ComponentRow {
  readonly id: string;
  readonly name: string;
  readonly kindLabel: string;
  /** Name of the boundary the component sits in, '' when none. */
  readonly boundary: string;
  readonly team: string;
  readonly p95Ms: number | null;
  /** Availability of one replica as a fraction (0.999). */
  readonly availability: number | null;
  /** A fixed count, or under autoscaling the range (how many run within it depends on traffic). */
  readonly replicas: ReplicaSettings | null;
}

export interface ConnectionRow {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly kindLabel: string;
  readonly mode: string;
  readonly protocol: string;
  readonly criticality: string;
}

/** The components of one scenario, in document order (the table sorts them). */
export function componentRows(design: Design, scenarioId: string): ComponentRow[] {
  const names = new Map(design.components.map((c) => [c.id, c.name]));
  return design.components
    .filter((c) => c.scenarioId === scenarioId)
    .map((c) => {
      const a = c.attributes;
      return {
        id: c.id,
        name: c.name,
        kindLabel: getKindSpec(c.kind).label,
        boundary: (c.parentId && names.get(c.parentId)) ?? '',
        team: readString(a, 'team') ?? '',
        p95Ms: readNumber(a, 'p95_ms'),
        availability: readNumber(a, 'availability'),
        replicas: replicaSettings(a),
      };
    });
}

/** The connections of one scenario, with their ends by name. */
export function connectionRows(design: Design, scenarioId: string): ConnectionRow[] {
  const names = new Map(design.components.map((c) => [c.id, c.name]));
  return design.connections
    .filter((c) => c.scenarioId === scenarioId)
    .map((c) => ({
      id: c.id,
      source: names.get(c.sourceId) ?? '?',
      target: names.get(c.targetId) ?? '?',
      kindLabel: getConnectionKindSpec(c.kind).label,
      mode: readEnum(c.attributes, 'mode') ?? '',
      protocol: readEnum(c.attributes, 'protocol') ?? '',
      criticality: readEnum(c.attributes, 'criticality') ?? '',
    }));
}

/** Availability as people read it: 0.999 → "99.9 %", 0.99995 → "99.995 %". */
export function formatAvailability(fraction: number | null): string {
  if (fraction === null) return '';
  const percent = fraction * 100;
  return `${Number(percent.toFixed(4)).toString()} %`;
}

/** Replicas as set: "3", or under autoscaling the range, "2–8 auto". */
export function formatReplicas(replicas: ReplicaSettings | null): string {
  if (replicas === null) return '';
  return replicas.mode === 'fixed' ? String(replicas.count) : `${replicas.min}–${replicas.max} auto`;
}

/** Sorts by the replicas that always run: the count, or under autoscaling the minimum. */
export function replicasSortValue(replicas: ReplicaSettings | null): number | null {
  if (replicas === null) return null;
  return replicas.mode === 'fixed' ? replicas.count : replicas.min;
}
