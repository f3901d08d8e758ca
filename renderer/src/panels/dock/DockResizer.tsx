import { useRef } from 'react';
import type { KeyboardEvent, PointerEvent } from 'react';
import { DOCK_MAX_HEIGHT_PX, DOCK_MIN_HEIGHT_PX } from '../../store/dock.ts';
import { heightForKey } from './resizeKeys.ts';

interface DockResizerProps {
  readonly heightPx: number;
  /** Called while the edge is dragged, for a live preview. */
  readonly onPreview: (heightPx: number) => void;
  /** Called once the height is chosen (drag ended, key pressed): the value to keep. */
  readonly onCommit: (heightPx: number) => void;
}

/** The dock's top edge: drag it, or focus it and use the arrow keys (Shift for bigger steps), Home and End. */
export function DockResizer({ heightPx, onPreview, onCommit }: DockResizerProps) {
  const drag = useRef<{ startY: number; startHeight: number; height: number } | null>(null);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { startY: event.clientY, startHeight: heightPx, height: heightPx };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const current = drag.current;
    if (!current) return;
    // Dragging the top edge up makes the dock taller.
    current.height = current.startHeight + (current.startY - event.clientY);
    onPreview(current.height);
  };
  const onPointerEnd = () => {
    const current = drag.current;
    drag.current = null;
    if (current) onCommit(current.height);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = heightForKey(event.key, event.shiftKey, heightPx);
    if (next === null) return;
    event.preventDefault();
    onCommit(next);
  };

  return (
    <div
      className="dock-resizer"
      role="separator"
      aria-orientation="horizontal"
      aria-label="Resize dock"
      aria-valuenow={heightPx}
      aria-valuemin={DOCK_MIN_HEIGHT_PX}
      aria-valuemax={DOCK_MAX_HEIGHT_PX}
      tabIndex={0}
      title="Drag to resize the dock (or focus and use ↑ ↓)"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerEnd}
      onPointerCancel={onPointerEnd}
      onKeyDown={onKeyDown}
    />
  );
}
