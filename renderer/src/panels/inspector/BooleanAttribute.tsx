import type { AttributeControlProps } from './controlTypes.ts';

/** A yes/no attribute: a checkbox, or a yes/no/unknown choice when unknown is allowed. */
export function BooleanAttribute({ spec, value, inputId, describedBy, onCommit }: AttributeControlProps) {
  if (!spec.optional) {
    return (
      <input
        id={inputId}
        type="checkbox"
        checked={value === true}
        aria-describedby={describedBy}
        onChange={(e) => onCommit(spec, e.target.checked)}
      />
    );
  }
  return (
    <select
      id={inputId}
      value={value === null ? '' : String(value)}
      aria-describedby={describedBy}
      onChange={(e) => onCommit(spec, e.target.value === '' ? null : e.target.value === 'true')}
    >
      <option value="true">yes</option>
      <option value="false">no</option>
      <option value="">unknown</option>
    </select>
  );
}
