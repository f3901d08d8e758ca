import { useRef, useState } from 'react';

interface NameFieldProps {
  readonly value: string;
  readonly onCommit: (name: string) => void;
}

/**
 * A name being edited: Enter or leaving the field commits, Escape goes back to the saved name. The
 * parent keys it by the saved name, so an undo that changes the name resets the draft.
 */
export function NameField({ value, onCommit }: NameFieldProps) {
  const [draft, setDraft] = useState(value);
  // Escape blurs the field; the blur handler still sees the edited draft, so it must not commit it.
  const reverting = useRef(false);
  const blank = draft.trim() === '';
  return (
    <>
      <input
        id="inspector-name"
        aria-label="Name"
        aria-invalid={blank}
        value={draft}
        maxLength={200}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => {
          if (reverting.current) return;
          if (blank) setDraft(value);
          else onCommit(draft);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            if (blank) setDraft(value);
            else onCommit(draft);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            setDraft(value);
            reverting.current = true;
            e.currentTarget.blur();
            reverting.current = false;
          }
        }}
      />
      {blank && <p className="field-error">A name cannot be empty; leaving the field keeps “{value}”.</p>}
    </>
  );
}
