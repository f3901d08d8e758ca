import { channels, type Channel, type Result } from '../../shared/api.ts';
import type { Dispatcher } from '../host/dispatch.ts';
import type { BrowserWindowLike, IpcInvokeEventLike, IpcMainLike } from './electron-like.ts';

/*
 * Registers one ipcMain.handle per served channel (no generic pipe). Every handler goes through the same
 * wrapper: sender check first, then the dispatcher, which parses the payload before any service sees it.
 */

export const FOREIGN_SENDER_ERROR =
  'This request did not come from the MLArch Studio window and was refused.';

/**
 * True when the message comes from the main frame of our window and that frame shows our page: a
 * subframe, another webContents, or a page navigated elsewhere is refused.
 */
export function createSenderCheck(
  getWindow: () => BrowserWindowLike | null,
  isAppUrl: (url: string) => boolean,
): (event: IpcInvokeEventLike) => boolean {
  return (event) => {
    const frame = event.senderFrame;
    if (!frame) return false;
    const window = getWindow();
    if (!window || window.isDestroyed() || window.webContents.isDestroyed()) return false;
    const contents = window.webContents;
    if (event.sender.id !== contents.id) return false;
    const mainFrame = contents.mainFrame;
    if (
      frame.parent !== null ||
      frame.processId !== mainFrame.processId ||
      frame.routingId !== mainFrame.routingId
    ) {
      return false;
    }
    return isAppUrl(frame.url);
  };
}

export interface IpcRegistration {
  dispatcher: Dispatcher;
  isTrustedSender(event: IpcInvokeEventLike): boolean;
  /**
   * Called after each dispatched request with its payload (as sent, unparsed) and result: main refreshes
   * the menu and keeps the path grants in step with the documents opened and closed.
   */
  afterDispatch?(channel: Channel, payload: unknown, result: Result<unknown>): void;
}

/** Registers a handler for each contract channel the dispatcher serves; returns the channels registered. */
export function registerIpcHandlers(ipcMain: IpcMainLike, registration: IpcRegistration): Channel[] {
  const served = channels.filter((channel) => registration.dispatcher.has(channel));
  for (const channel of served) {
    ipcMain.handle(channel, async (event, payload: unknown): Promise<Result<unknown>> => {
      if (!registration.isTrustedSender(event)) return { ok: false, error: FOREIGN_SENDER_ERROR };
      const result = await registration.dispatcher.dispatch(channel, payload);
      registration.afterDispatch?.(channel, payload, result);
      return result;
    });
  }
  return served;
}
