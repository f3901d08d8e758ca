import { memo } from 'react';
import type { AttrValue } from '../../../../shared/model/attributes.ts';
import type { AttrSpec } from '../../../../shared/model/catalog/types.ts';
import { isAssumed } from './attributeValues.ts';
import { BooleanAttribute } from './BooleanAttribute.tsx';
import type { AttributeControlProps, CommitAttribute } from './controlTypes.ts';
import { EnumAttribute } from './EnumAttribute.tsx';
import { SetAttribute } from './SetAttribute.tsx';
import { TextAttributeInput } from './TextAttributeInput.tsx';

interface AttributeRowProps {
  readonly spec: AttrSpec;
  readonly value: AttrValue;
  readonly onCommit: CommitAttribute;
}

function Control(props: AttributeControlProps) {
  switch (props.spec.type) {
    case 'boolean':
      return <BooleanAttribute {...props} />;
    case 'enum':
      return <EnumAttribute {...props} />;
    case 'set':
      return <SetAttribute {...props} />;
    case 'number':
    case 'integer':
    case 'string':
      return <TextAttributeInput {...props} />;
  }
}

/**
 * One attribute: label, control and unit, with the catalog's help as the control's description and
 * tooltip. Memoised: an edit re-renders only the row whose value changed.
 */
export const AttributeRow = memo(function AttributeRow({ spec, value, onCommit }: AttributeRowProps) {
  const inputId = `attr-${spec.key}`;
  const helpId = `${inputId}-help`;
  const assumedId = `${inputId}-assumed`;
  const assumed = isAssumed(spec, value);
  const textual = spec.type === 'number' || spec.type === 'integer' || spec.type === 'string';
  // The unit is read before the help, so a screen reader says "ms" as the eye sees it next to the field.
  const describedBy = [spec.unit ? `${inputId}-unit` : null, helpId, assumed ? assumedId : null]
    .filter((id) => id !== null)
    .join(' ');
  return (
    <div className={spec.type === 'set' ? 'attr-row attr-row-wide' : 'attr-row'} title={spec.help}>
      <div className="attr-label">
        {spec.type === 'set' ? (
          <span id={`${inputId}-label`}>{spec.label}</span>
        ) : (
          <label htmlFor={inputId}>{spec.label}</label>
        )}
        {assumed && (
          <span
            id={assumedId}
            className="attr-assumed"
            title="Still the catalog's assumed default: replace it with a measured or contracted value."
          >
            assumed
          </span>
        )}
      </div>
      <div className="attr-control">
        <Control spec={spec} value={value} inputId={inputId} describedBy={describedBy} onCommit={onCommit} />
        {!textual && spec.unit && (
          <span id={`${inputId}-unit`} className="attr-unit">
            {spec.unit}
          </span>
        )}
      </div>
      <span id={helpId} hidden>
        {spec.help}
      </span>
    </div>
  );
});
