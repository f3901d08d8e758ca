import type { MenuCommand } from '../../shared/api.ts';
import type { MenuTemplateItem } from './electron-like.ts';

/*
 * The application menu as a pure function of its inputs, so it is tested without Electron.
 *
 * Edit commands and text fields: the menu's accelerators reach main before the page, so main cannot do
 * the native edit and the app command both. The rule:
 * - Undo, Redo, Delete and Select All are sent to the renderer as `menu.command`; the renderer decides:
 *   when a text field has focus it runs the native edit (`document.execCommand('undo' | 'redo' | 'delete' |
 *   'selectAll')`, which Chromium allows), otherwise it applies the command to the design.
 * - Cut, Copy and Paste use Electron's native roles. Electron 35+ makes `execCommand('paste')` a no-op, so
 *   the renderer could not paste into a text field; instead the native role fires trusted `cut`/`copy`/
 *   `paste` DOM events with clipboardData at the focused element, which text fields handle natively and
 *   the canvas handles by listening on `document` (the same code path as Ctrl+C/V in the web host).
 * - Delete has no accelerator: the key must keep deleting characters in text fields; the canvas handles
 *   the Delete/Backspace keys itself.
 */

export interface RecentMenuEntry {
  path: string;
  name: string;
  exists: boolean;
}

export interface MenuContext {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  appName: string;
  recent: readonly RecentMenuEntry[];
  /** Sends a `menu.command` event to the renderer. */
  send(command: MenuCommand): void;
  /** File › Open…: shows the native dialog in main, then sends `open-path`. */
  openDocument(): void;
  clearRecent(): void;
}

/** Builds the application menu template for `platform`. */
export function buildMenuTemplate(ctx: MenuContext): MenuTemplateItem[] {
  const mac = ctx.platform === 'darwin';
  const command = (
    label: string,
    cmd: Exclude<MenuCommand['command'], 'open-path'>,
    accelerator?: string,
  ) => {
    const item: MenuTemplateItem = { label, click: () => ctx.send({ command: cmd }) };
    if (accelerator) item.accelerator = accelerator;
    return item;
  };
  const separator: MenuTemplateItem = { type: 'separator' };

  const appMenu: MenuTemplateItem = {
    label: ctx.appName,
    submenu: [
      command(`About ${ctx.appName}`, 'about'),
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };

  const file: MenuTemplateItem = {
    label: '&File',
    submenu: [
      command('New Design…', 'new', 'CmdOrCtrl+N'),
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: ctx.openDocument },
      { label: 'Open Recent', submenu: recentSubmenu(ctx) },
      separator,
      command('Save As…', 'save-as', 'Shift+CmdOrCtrl+S'),
      separator,
      command('Close Design', 'close', 'CmdOrCtrl+W'),
      ...(mac ? [] : [separator, { role: 'quit' } satisfies MenuTemplateItem]),
    ],
  };

  const edit: MenuTemplateItem = {
    label: '&Edit',
    submenu: [
      command('Undo', 'undo', 'CmdOrCtrl+Z'),
      command('Redo', 'redo', mac ? 'Shift+CmdOrCtrl+Z' : 'Ctrl+Y'),
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      command('Delete', 'delete'),
      separator,
      command('Select All', 'select-all', 'CmdOrCtrl+A'),
    ],
  };

  const view: MenuTemplateItem = {
    label: '&View',
    submenu: [
      command('Zoom In', 'zoom-in', 'CmdOrCtrl+='),
      command('Zoom Out', 'zoom-out', 'CmdOrCtrl+-'),
      command('Fit to Window', 'fit', 'CmdOrCtrl+0'),
      separator,
      command('Toggle Analysis Dock', 'toggle-dock', 'CmdOrCtrl+J'),
      separator,
      { role: 'togglefullscreen' },
      ...(ctx.isPackaged ? [] : [{ role: 'toggleDevTools' } satisfies MenuTemplateItem]),
    ],
  };

  const help: MenuTemplateItem = {
    label: '&Help',
    submenu: [command(`About ${ctx.appName}`, 'about')],
  };

  const windowMenu: MenuTemplateItem = { role: 'windowMenu' };
  return mac ? [appMenu, file, edit, view, windowMenu, help] : [file, edit, view, help];
}

function recentSubmenu(ctx: MenuContext): MenuTemplateItem[] {
  const entries: MenuTemplateItem[] = ctx.recent.map((entry) => ({
    // '&' would be read as a mnemonic marker on Windows and Linux.
    label: entry.exists ? entry.name.replaceAll('&', '&&') : `${entry.name.replaceAll('&', '&&')} (missing)`,
    enabled: entry.exists,
    click: () => ctx.send({ command: 'open-path', path: entry.path }),
  }));
  if (entries.length === 0) entries.push({ label: 'No Recent Designs', enabled: false });
  return [
    ...entries,
    { type: 'separator' },
    { label: 'Clear Recent', enabled: ctx.recent.length > 0, click: ctx.clearRecent },
  ];
}
