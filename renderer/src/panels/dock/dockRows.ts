import { getConnectionKindSpec, getKindSpec } from '../../../../shared/model/catalog/index.ts';
import type { Attributes } from '../../../../shared/model/attributes.ts';
import type { Design } from '../../../../shared/model/document.ts';

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
  /** Replicas running; under autoscaling the maximum, which is what capacity and cost plan for. */
  readonly replicas: number | null;
  readonly autoscaling: boolean;
  readonly minReplicas: number | null;
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

function numberAttr(attributes: Attributes, key: string): number | null {
  const value = attributes[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function textAttr(attributes: Attributes, key: string): string {
  const value = attributes[key];
  return typeof value === 'string' ? value : '';
}

/** The components of one scenario, in document order (the table sorts them). */
export function componentRows(design: Design, scenarioId: string): ComponentRow[] {
  const names = new Map(design.components.map((c) => [c.id, c.name]));
  return design.components
    .filter((c) => c.scenarioId === scenarioId)
    .map((c) => {
      const a = c.attributes;
      const autoscaling = a.autoscaling === true;
      return {
        id: c.id,
        name: c.name,
        kindLabel: getKindSpec(c.kind).label,
        boundary: (c.parentId && names.get(c.parentId)) ?? '',
        team: textAttr(a, 'team'),
        p95Ms: numberAttr(a, 'p95_ms'),
        availability: numberAttr(a, 'availability'),
        replicas: numberAttr(a, autoscaling ? 'max_replicas' : 'replicas'),
        autoscaling,
        minReplicas: autoscaling ? numberAttr(a, 'min_replicas') : null,
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
      mode: textAttr(c.attributes, 'mode'),
      protocol: textAttr(c.attributes, 'protocol'),
      criticality: textAttr(c.attributes, 'criticality'),
    }));
}

/** Availability as people read it: 0.999 → "99.9 %", 0.99995 → "99.995 %". */
export function formatAvailability(fraction: number | null): string {
  if (fraction === null) return '';
  const percent = fraction * 100;
  return `${Number(percent.toFixed(4)).toString()} %`;
}

export function formatReplicas(row: ComponentRow): string {
  if (row.replicas === null) return '';
  if (row.autoscaling) return `${row.minReplicas ?? 0}–${row.replicas} auto`;
  return String(row.replicas);
}
