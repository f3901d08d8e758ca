import type {
  Channel,
  EventName,
  EventOf,
  MlarchApi,
  RequestOf,
  ResponseOf,
  Result,
} from '../../../shared/api.ts';
import { channels, events } from '../../../shared/api.ts';
import { createEventQueue } from './eventQueue.ts';
import type { EventQueue } from './eventQueue.ts';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in a browser. */
    mlarch?: MlarchApi;
  }
}

const TOKEN_KEY = 'mlarch.webToken';

/**
 * The web host prints a URL carrying a per-launch token. Keep it for this tab (so a reload still works)
 * and take it out of the address bar, where a screen share would show it.
 */
function takeWebToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** The same API over HTTP to the 127.0.0.1 web host: one POST route per channel. */
function createWebClient(): MlarchApi {
  const token = takeWebToken();
  const call = async (channel: Channel, request: unknown): Promise<Result<unknown>> => {
    try {
      const response = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-MLArch-Token': token },
        body: JSON.stringify(request),
      });
      if (response.status === 401) {
        return {
          ok: false,
          error: 'This page is not authorised: open the address the web host printed (it carries the token).',
        };
      }
      return (await response.json()) as Result<unknown>;
    } catch (error) {
      return {
        ok: false,
        error: `The MLArch web host is not reachable (${String(error)}). Is it still running?`,
      };
    }
  };
  const api: Record<string, unknown> = {};
  for (const channel of channels) api[channel] = (request: unknown) => call(channel, request);
  // The web host has no menu, so no main → renderer events arrive.
  api.on = () => () => {};
  return api as MlarchApi;
}

export const api: MlarchApi = window.mlarch ?? createWebClient();
export const isElectron = window.mlarch !== undefined;

/** Calls a channel and returns its data, or throws an Error carrying the host's message for the user. */
export async function request<C extends Channel>(channel: C, payload: RequestOf<C>): Promise<ResponseOf<C>> {
  const call = api[channel] as (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;
  const result = await call(payload);
  if (!result.ok) throw new Error(result.error);
  return result.data;
}

type EventQueues = { [E in EventName]: EventQueue<EventOf<E>> };

/*
 * Subscribed once, when this module loads (before React mounts): main may send an event, such as
 * `open-path` for a file the app was launched with, right after the page loads. The queues keep such
 * events until the UI's first listener subscribes.
 */
const eventQueues = Object.fromEntries(
  (Object.keys(events) as EventName[]).map((event) => {
    const queue = createEventQueue<EventOf<typeof event>>();
    api.on(event, (payload) => queue.emit(payload));
    return [event, queue];
  }),
) as EventQueues;

/** Subscribes to a main → renderer event (Electron only); returns the unsubscribe function. */
export function onHostEvent<E extends EventName>(
  event: E,
  listener: (payload: EventOf<E>) => void,
): () => void {
  return eventQueues[event].subscribe(listener);
}
