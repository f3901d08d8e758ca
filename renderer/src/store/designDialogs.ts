import { create } from 'zustand';

/** The editor's own dialogs: journeys, scenario names, design settings. */
export type DesignDialog =
  | { readonly kind: 'new-journey'; readonly entryId: string | null }
  | { readonly kind: 'edit-journey'; readonly journeyId: string }
  | { readonly kind: 'new-scenario'; readonly duplicate: boolean }
  | { readonly kind: 'rename-scenario' }
  | { readonly kind: 'settings' };

interface DesignDialogState {
  readonly dialog: DesignDialog | null;
  show(dialog: DesignDialog | null): void;
}

export const useDesignDialog = create<DesignDialogState>()((set) => ({
  dialog: null,
  show: (dialog) => set({ dialog }),
}));

/** Opens one of the editor's dialogs (or closes it with null). */
export function showDesignDialog(dialog: DesignDialog | null): void {
  useDesignDialog.getState().show(dialog);
}
