import { setValue } from '../../../../shared/model/attribute-values.ts';
import { toggleSetItem } from './attributeValues.ts';
import type { AttributeControlProps } from './controlTypes.ts';

/**
 * An attribute holding any subset of the catalog's values: one checkbox per value, plus "unknown" when
 * the attribute allows it (unknown is not the same as none: rules treat it as the worst case).
 */
export function SetAttribute({ spec, value, inputId, describedBy, onCommit }: AttributeControlProps) {
  const chosen = new Set(setValue(value) ?? []);
  return (
    <div
      id={inputId}
      className="attr-set"
      role="group"
      aria-labelledby={`${inputId}-label`}
      aria-describedby={describedBy}
    >
      {(spec.values ?? []).map((item) => (
        <label key={item} className="attr-check">
          <input
            type="checkbox"
            checked={chosen.has(item)}
            onChange={(e) => onCommit(spec, toggleSetItem(spec, value, item, e.target.checked))}
          />
          {item}
        </label>
      ))}
      {spec.optional && (
        <label className="attr-check attr-check-unknown">
          <input
            type="checkbox"
            checked={value === null}
            onChange={(e) => onCommit(spec, e.target.checked ? null : [])}
          />
          unknown
        </label>
      )}
    </div>
  );
}
