import { stringValue } from '../../../../shared/model/attribute-values.ts';
import type { AttributeControlProps } from './controlTypes.ts';

/** An attribute holding one of the catalog's values. */
export function EnumAttribute({ spec, value, inputId, describedBy, onCommit }: AttributeControlProps) {
  const values = spec.values ?? [];
  const unknownChoice = spec.optional === true || value === null;
  return (
    <select
      id={inputId}
      value={stringValue(value) ?? ''}
      aria-describedby={describedBy}
      onChange={(e) => onCommit(spec, e.target.value === '' ? null : e.target.value)}
    >
      {/* Some enums list "unknown" as a value of their own: the null choice then reads "not set". */}
      {unknownChoice && <option value="">{values.includes('unknown') ? 'not set' : 'unknown'}</option>}
      {values.map((v) => (
        <option key={v} value={v}>
          {v}
        </option>
      ))}
    </select>
  );
}
