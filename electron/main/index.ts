import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { createHostServices } from '../host/services.ts';
import { startApp } from './app.ts';
import type { DialogLike } from './electron-like.ts';

// The only module that value-imports 'electron'. Everything else receives the pieces it needs, so tests
// run main's logic against a fake (the Electron binary is not available to them).

// Electron's dialog takes any BaseWindow; main only ever passes its real BrowserWindow.
const nativeDialog: DialogLike = {
  showOpenDialog: (window, options) => dialog.showOpenDialog(window as BrowserWindow, options),
  showSaveDialog: (window, options) => dialog.showSaveDialog(window as BrowserWindow, options),
  showMessageBox: (window, options) =>
    window ? dialog.showMessageBox(window as BrowserWindow, options) : dialog.showMessageBox(options),
};

const workspace = join(app.getPath('documents'), 'MLArch Studio');
const templatesDir = app.isPackaged
  ? join(process.resourcesPath, 'templates')
  : join(app.getAppPath(), 'resources', 'templates');

startApp(
  { app, BrowserWindow, ipcMain, dialog: nativeDialog, shell, Menu, protocol, session },
  {
    platform: process.platform,
    argv: process.argv.slice(1),
    cwd: process.cwd(),
    appName: 'MLArch Studio',
    preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
    rendererDir: join(import.meta.dirname, '../renderer'),
    workspace,
    rendererUrl: process.env['ELECTRON_RENDERER_URL'],
    createServices: (guard) =>
      createHostServices({
        host: 'electron',
        workspace,
        userDataDir: app.getPath('userData'),
        templatesDir,
        appVersion: app.getVersion(),
        guard,
      }),
  },
);
