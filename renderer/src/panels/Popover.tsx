import { useEffect, useRef, useState } from 'react';
import type { ReactNode, RefObject } from 'react';

/**
 * A panel that drops from a button (the journey list, the scenario menu): Escape or a click outside closes
 * it and gives the focus back to the button; the first control inside gets the focus when it opens.
 */
export function usePopover(): {
  open: boolean;
  setOpen: (open: boolean) => void;
  close: (refocus?: boolean) => void;
  triggerRef: RefObject<HTMLButtonElement | null>;
  panelRef: RefObject<HTMLDivElement | null>;
} {
  const [open, setOpen] = useState(false);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const close = (refocus = true) => {
    setOpen(false);
    if (refocus) triggerRef.current?.focus();
  };
  useEffect(() => {
    if (!open) return;
    panelRef.current?.querySelector<HTMLElement>('button:not(:disabled), [href], input, select')?.focus();
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (panelRef.current?.contains(target) || triggerRef.current?.contains(target)) return;
      setOpen(false);
    };
    window.addEventListener('pointerdown', onPointerDown, true);
    return () => window.removeEventListener('pointerdown', onPointerDown, true);
  }, [open]);
  return { open, setOpen, close, triggerRef, panelRef };
}

interface PopoverPanelProps {
  readonly label: string;
  readonly panelRef: RefObject<HTMLDivElement | null>;
  readonly onClose: () => void;
  readonly className?: string;
  readonly children: ReactNode;
}

/** The dropped panel: a non-modal dialog named `label`; Escape closes it (and goes no further). */
export function PopoverPanel({ label, panelRef, onClose, className, children }: PopoverPanelProps) {
  return (
    <div
      ref={panelRef}
      role="dialog"
      aria-label={label}
      className={className ? `popover ${className}` : 'popover'}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          // The editor's own Escape (clear the selection, leave route editing) must not run as well.
          e.preventDefault();
          e.nativeEvent.stopImmediatePropagation();
          onClose();
        }
      }}
    >
      {children}
    </div>
  );
}
