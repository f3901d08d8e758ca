import type { Attributes } from '../../../../shared/model/attributes.ts';
import type { AttrSection } from './attributeGroups.ts';
import { AttributeRow } from './AttributeRow.tsx';
import type { CommitAttribute } from './controlTypes.ts';
import { isSectionOpen, useSectionPrefs } from './sectionPrefs.ts';

interface AttributeSectionProps {
  readonly section: AttrSection;
  readonly attributes: Attributes;
  readonly onCommit: CommitAttribute;
}

/** A collapsible group of attributes; a closed section renders no rows, which keeps big kinds quick. */
export function AttributeSection({ section, attributes, onCommit }: AttributeSectionProps) {
  const open = useSectionPrefs((s) => isSectionOpen(s.prefs, section.group));
  const toggle = useSectionPrefs((s) => s.toggle);
  const bodyId = `attr-section-${section.group}`;
  return (
    <section className="attr-section">
      <h3 className="attr-section-title">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={open ? bodyId : undefined}
          onClick={() => toggle(section.group)}
        >
          <span className="attr-chevron" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          {section.title}
          <span className="attr-count" aria-hidden="true">
            {section.specs.length}
          </span>
        </button>
      </h3>
      {open && (
        <div id={bodyId} className="attr-rows">
          {section.specs.map((spec) => (
            <AttributeRow
              key={spec.key}
              spec={spec}
              value={attributes[spec.key] ?? null}
              onCommit={onCommit}
            />
          ))}
        </div>
      )}
    </section>
  );
}
