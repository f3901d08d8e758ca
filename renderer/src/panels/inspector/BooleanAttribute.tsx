import { booleanValue } from '../../../../shared/model/attribute-values.ts';
import type { AttributeControlProps } from './controlTypes.ts';

/** A yes/no attribute: a checkbox, or a yes/no/unknown choice when unknown is allowed. */
export function BooleanAttribute({ spec, value, inputId, describedBy, onCommit }: AttributeControlProps) {
  const checked = booleanValue(value);
  if (!spec.optional) {
    return (
      <input
        id={inputId}
        type="checkbox"
        checked={checked === true}
        aria-describedby={describedBy}
        onChange={(e) => onCommit(spec, e.target.checked)}
      />
    );
  }
  return (
    <select
      id={inputId}
      value={checked === null ? '' : String(checked)}
      aria-describedby={describedBy}
      onChange={(e) => onCommit(spec, e.target.value === '' ? null : e.target.value === 'true')}
    >
      <option value="true">yes</option>
      <option value="false">no</option>
      <option value="">unknown</option>
    </select>
  );
}
