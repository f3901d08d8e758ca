import { contextBridge, ipcRenderer } from 'electron';
import { createMlarchApi } from './bridge.ts';

// Sandboxed preload (built as CommonJS): exposes the contract and nothing else. No ipcRenderer, no generic
// send, no process.env reach the page.
contextBridge.exposeInMainWorld('mlarch', createMlarchApi(ipcRenderer));
