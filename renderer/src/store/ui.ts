import { create } from 'zustand';
import type { ResponseOf } from '../../../shared/api.ts';

export type AppInfo = ResponseOf<'app.info'>;

/** In-app dialogs: Open and Save As where the host has no native ones (the web host), and About. */
export type DialogName = 'open' | 'save-as' | 'about';

interface UiState {
  /** Facts about the host, read once at start; null until then. */
  appInfo: AppInfo | null;
  dialog: DialogName | null;
  setAppInfo(info: AppInfo): void;
  showDialog(dialog: DialogName | null): void;
}

/** Window-level UI state that has nothing to do with the document. */
export const useUi = create<UiState>()((set) => ({
  appInfo: null,
  dialog: null,
  setAppInfo: (appInfo) => set({ appInfo }),
  showDialog: (dialog) => set({ dialog }),
}));
