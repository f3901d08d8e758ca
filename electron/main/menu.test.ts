import { describe, expect, it, vi } from 'vitest';
import type { MenuTemplateItem } from './electron-like.ts';
import { buildMenuTemplate, type MenuContext } from './menu.ts';

function context(overrides: Partial<MenuContext> = {}): MenuContext {
  return {
    platform: 'linux',
    isPackaged: true,
    appName: 'MLArch Studio',
    recent: [],
    send: vi.fn(),
    openDocument: vi.fn(),
    clearRecent: vi.fn(),
    ...overrides,
  };
}

const menu = (template: MenuTemplateItem[], label: string) => {
  const found = template.find((m) => m.label === label);
  if (!found?.submenu) throw new Error(`no menu ${label}`);
  return found.submenu;
};
const item = (items: MenuTemplateItem[], label: string) => {
  const found = items.find((m) => m.label === label);
  if (!found) throw new Error(`no item ${label}`);
  return found;
};

describe('application menu', () => {
  it('has File, Edit, View and Help on Windows and Linux, plus the app and Window menus on macOS', () => {
    expect(buildMenuTemplate(context()).map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
    const mac = buildMenuTemplate(context({ platform: 'darwin' }));
    expect(mac.map((m) => m.label ?? m.role)).toEqual([
      'MLArch Studio',
      '&File',
      '&Edit',
      '&View',
      'windowMenu',
      '&Help',
    ]);
    expect(menu(mac, '&File').some((m) => m.role === 'quit')).toBe(false);
    expect(menu(buildMenuTemplate(context()), '&File').some((m) => m.role === 'quit')).toBe(true);
  });

  it('sends File commands with the usual shortcuts', () => {
    const ctx = context();
    const file = menu(buildMenuTemplate(ctx), '&File');
    expect(item(file, 'New Design…').accelerator).toBe('CmdOrCtrl+N');
    expect(item(file, 'Open…').accelerator).toBe('CmdOrCtrl+O');
    expect(item(file, 'Save As…').accelerator).toBe('Shift+CmdOrCtrl+S');
    expect(item(file, 'Close Design').accelerator).toBe('CmdOrCtrl+W');
    item(file, 'New Design…').click?.();
    item(file, 'Save As…').click?.();
    item(file, 'Close Design').click?.();
    expect(vi.mocked(ctx.send).mock.calls).toEqual([
      [{ command: 'new' }],
      [{ command: 'save-as' }],
      [{ command: 'close' }],
    ]);
    item(file, 'Open…').click?.();
    expect(ctx.openDocument).toHaveBeenCalledTimes(1);
  });

  it('lists recent designs, disables missing ones and offers Clear', () => {
    const ctx = context({
      recent: [
        { path: '/d/A & B.mlarch', name: 'A & B', exists: true },
        { path: '/d/Gone.mlarch', name: 'Gone', exists: false },
      ],
    });
    const recent = item(menu(buildMenuTemplate(ctx), '&File'), 'Open Recent').submenu ?? [];
    expect(recent[0]).toMatchObject({ label: 'A && B', enabled: true });
    expect(recent[1]).toMatchObject({ label: 'Gone (missing)', enabled: false });
    recent[0]?.click?.();
    expect(ctx.send).toHaveBeenCalledWith({ command: 'open-path', path: '/d/A & B.mlarch' });
    item(recent, 'Clear Recent').click?.();
    expect(ctx.clearRecent).toHaveBeenCalled();
    const empty = item(menu(buildMenuTemplate(context()), '&File'), 'Open Recent').submenu ?? [];
    expect(empty[0]).toMatchObject({ label: 'No Recent Designs', enabled: false });
    expect(item(empty, 'Clear Recent').enabled).toBe(false);
  });

  it('sends Undo/Redo/Delete/Select All to the renderer and keeps native clipboard roles', () => {
    const ctx = context();
    const edit = menu(buildMenuTemplate(ctx), '&Edit');
    expect(item(edit, 'Undo').accelerator).toBe('CmdOrCtrl+Z');
    expect(item(edit, 'Redo').accelerator).toBe('Ctrl+Y');
    expect(item(menu(buildMenuTemplate(context({ platform: 'darwin' })), '&Edit'), 'Redo').accelerator).toBe(
      'Shift+CmdOrCtrl+Z',
    );
    expect(item(edit, 'Delete').accelerator).toBeUndefined();
    for (const role of ['cut', 'copy', 'paste'] as const)
      expect(edit.some((m) => m.role === role)).toBe(true);
    for (const label of ['Undo', 'Redo', 'Delete', 'Select All']) item(edit, label).click?.();
    expect(vi.mocked(ctx.send).mock.calls.map(([c]) => c.command)).toEqual([
      'undo',
      'redo',
      'delete',
      'select-all',
    ]);
  });

  it('shows Toggle DevTools only when not packaged', () => {
    const packaged = menu(buildMenuTemplate(context({ isPackaged: true })), '&View');
    const dev = menu(buildMenuTemplate(context({ isPackaged: false })), '&View');
    expect(packaged.some((m) => m.role === 'toggleDevTools')).toBe(false);
    expect(dev.some((m) => m.role === 'toggleDevTools')).toBe(true);
    const ctx = context();
    const view = menu(buildMenuTemplate(ctx), '&View');
    for (const label of ['Zoom In', 'Zoom Out', 'Fit to Window', 'Toggle Analysis Dock'])
      item(view, label).click?.();
    expect(vi.mocked(ctx.send).mock.calls.map(([c]) => c.command)).toEqual([
      'zoom-in',
      'zoom-out',
      'fit',
      'toggle-dock',
    ]);
  });

  it('Help shows About in the app', () => {
    const ctx = context();
    const help = menu(buildMenuTemplate(ctx), '&Help');
    item(help, 'About MLArch Studio').click?.();
    expect(ctx.send).toHaveBeenCalledWith({ command: 'about' });
    expect(help).toHaveLength(1);
  });
});
