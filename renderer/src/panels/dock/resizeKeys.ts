import { DOCK_MAX_HEIGHT_PX, DOCK_MIN_HEIGHT_PX } from '../../store/dock.ts';

const STEP_PX = 16;
const BIG_STEP_PX = 64;

/** The height a key asks for (unclamped), or null for a key the resizer does not use. */
export function heightForKey(key: string, shift: boolean, heightPx: number): number | null {
  const step = shift ? BIG_STEP_PX : STEP_PX;
  switch (key) {
    case 'ArrowUp':
      return heightPx + step;
    case 'ArrowDown':
      return heightPx - step;
    case 'Home':
      return DOCK_MIN_HEIGHT_PX;
    case 'End':
      return DOCK_MAX_HEIGHT_PX;
    default:
      return null;
  }
}
