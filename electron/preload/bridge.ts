import type { Channel, EventName, EventOf, MlarchApi } from '../../shared/api.ts';
import { channelNames, eventNames, type ChannelName } from '../../shared/channel-names.ts';

/*
 * Builds `window.mlarch`. Kept apart from index.ts (which value-imports 'electron') so tests can build the
 * API with a fake ipcRenderer. Only type imports from shared/api.ts: the preload must not bundle zod; main
 * parses every payload anyway.
 */

/** The part of Electron's ipcRenderer the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

// Mapping over channelNames (not Channel) means a name missing from the contract fails to index MlarchApi,
// and `satisfies MlarchApi` below fails when a contract channel is missing from channelNames.
type Invokers = { [C in ChannelName]: MlarchApi[C] };

function buildInvokers(ipc: IpcRendererLike): Invokers {
  const invokers: Partial<Record<Channel, (request: unknown) => Promise<unknown>>> = {};
  for (const channel of channelNames) {
    // Exactly one argument crosses: the request. The main process validates it against the contract.
    invokers[channel] = (request) => ipc.invoke(channel, request);
  }
  return invokers as Invokers;
}

const knownEvents: ReadonlySet<string> = new Set(eventNames);

/** The object exposed as `window.mlarch`: one function per contract channel plus `on`. */
export function createMlarchApi(ipc: IpcRendererLike): MlarchApi {
  const api = {
    ...buildInvokers(ipc),
    on<E extends EventName>(event: E, listener: (payload: EventOf<E>) => void): () => void {
      if (!knownEvents.has(event)) throw new Error(`Unknown event "${String(event)}".`);
      if (typeof listener !== 'function') throw new Error('The event listener must be a function.');
      // The renderer gets the payload only, never the IpcRendererEvent (its `sender` is ipcRenderer itself).
      const forward = (_event: unknown, payload: unknown): void => listener(payload as EventOf<E>);
      ipc.on(event, forward);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        ipc.removeListener(event, forward);
      };
    },
  } satisfies MlarchApi;
  return Object.freeze(api);
}
