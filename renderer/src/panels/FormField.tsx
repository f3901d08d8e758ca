import { useId } from 'react';
import type { ReactElement, ReactNode } from 'react';
import { cloneElement } from 'react';

interface FormFieldProps {
  readonly label: string;
  /** Unit or hint shown after the label ("ms", "%"). */
  readonly hint?: string;
  readonly error?: string | undefined;
  /** The one control: it gets the id, the error's description and aria-invalid. */
  readonly children: ReactElement<{ id?: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }>;
  readonly extra?: ReactNode;
}

/** A labelled form control with its error under it, announced with the control. */
export function FormField({ label, hint, error, children, extra }: FormFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="form-field">
      <label htmlFor={id}>
        {label}
        {hint && <span className="form-hint"> ({hint})</span>}
      </label>
      {cloneElement(children, {
        id,
        'aria-invalid': error !== undefined,
        ...(error !== undefined ? { 'aria-describedby': errorId } : {}),
      })}
      {extra}
      {error !== undefined && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
