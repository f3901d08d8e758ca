import { useEffect } from 'react';
import { useEditor } from '../store/index.ts';
import { windowTitle } from './windowTitle.ts';

/** Keeps the window (and so Electron's window) title on the open design's name. */
export function useWindowTitle(): void {
  const name = useEditor((s) => s.design?.meta.name ?? null);
  useEffect(() => {
    document.title = windowTitle(name);
  }, [name]);
}
