import type { AttrGroup, AttrSpec } from '../../../../shared/model/catalog/types.ts';

/** One collapsible section of the inspector: the attributes of one group, in catalog order. */
export interface AttrSection {
  readonly group: AttrGroup;
  readonly title: string;
  readonly specs: readonly AttrSpec[];
}

/** Section titles, in the order the inspector shows them (a Record, so a new group cannot be forgotten). */
const GROUP_TITLES: Readonly<Record<AttrGroup, string>> = {
  ownership: 'Ownership',
  deployment: 'Deployment',
  latency: 'Latency',
  availability: 'Availability',
  cost: 'Cost',
  compliance: 'Compliance',
  'ml-lifecycle': 'ML lifecycle',
  'responsible-ai': 'Responsible AI',
  // Shown under the kind's own name ("Model server"); this is the fallback.
  kind: 'Kind-specific',
  connection: 'Attributes',
};
export const GROUP_ORDER = Object.keys(GROUP_TITLES) as readonly AttrGroup[];

/** Open until the user closes them: what most reviews look at first. */
export const DEFAULT_OPEN_GROUPS: ReadonlySet<AttrGroup> = new Set<AttrGroup>([
  'latency',
  'availability',
  'cost',
  'connection',
]);

/** Splits a kind's attributes into sections; empty groups are left out. */
export function groupAttributes(specs: readonly AttrSpec[], kindLabel: string): AttrSection[] {
  const byGroup = new Map<AttrGroup, AttrSpec[]>();
  for (const spec of specs) {
    const list = byGroup.get(spec.group);
    if (list) list.push(spec);
    else byGroup.set(spec.group, [spec]);
  }
  const sections: AttrSection[] = [];
  for (const group of GROUP_ORDER) {
    const list = byGroup.get(group);
    if (list)
      sections.push({ group, title: group === 'kind' ? kindLabel : GROUP_TITLES[group], specs: list });
  }
  return sections;
}
