import { memo, useCallback, useMemo } from 'react';
import type { AttrValue, Attributes } from '../../../../shared/model/attributes.ts';
import type { AttrSpec } from '../../../../shared/model/catalog/types.ts';
import type { AttributeOwner } from '../../../../shared/model/commands.ts';
import { setAttribute } from '../../store/commands.ts';
import { groupAttributes } from './attributeGroups.ts';
import { AttributeSection } from './AttributeSection.tsx';

interface AttributeSectionsProps {
  readonly ownerType: AttributeOwner['type'];
  readonly ownerId: string;
  readonly specs: readonly AttrSpec[];
  /** Title of the kind's own group, e.g. "Model server". */
  readonly kindLabel: string;
  readonly attributes: Attributes;
}

/**
 * The attribute editor of one component or connection: its kind's attributes in collapsible groups.
 * Memoised on the attribute bag, so moving or renaming the element does not re-render the rows.
 */
export const AttributeSections = memo(function AttributeSections({
  ownerType,
  ownerId,
  specs,
  kindLabel,
  attributes,
}: AttributeSectionsProps) {
  const sections = useMemo(() => groupAttributes(specs, kindLabel), [specs, kindLabel]);
  const onCommit = useCallback(
    (spec: AttrSpec, value: AttrValue) => setAttribute({ type: ownerType, id: ownerId }, spec, value),
    [ownerType, ownerId],
  );
  return (
    <div className="attr-sections">
      {sections.map((section) => (
        <AttributeSection key={section.group} section={section} attributes={attributes} onCommit={onCommit} />
      ))}
    </div>
  );
});
