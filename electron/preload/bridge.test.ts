import { describe, expect, it, vi } from 'vitest';
import { contract, events } from '../../shared/api.ts';
import { channelNames, eventNames } from '../../shared/channel-names.ts';
import { createMlarchApi, type IpcRendererLike } from './bridge.ts';

type Listener = (event: unknown, ...args: unknown[]) => void;

function fakeIpcRenderer() {
  const listeners = new Map<string, Set<Listener>>();
  const ipc = {
    invoke: vi.fn(async (channel: string, ...args: unknown[]) => ({ ok: true, data: { channel, args } })),
    on: vi.fn((channel: string, listener: Listener) => {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
    }),
    removeListener: vi.fn(
      (channel: string, listener: Listener) => void listeners.get(channel)?.delete(listener),
    ),
  } satisfies IpcRendererLike;
  const emit = (channel: string, payload: unknown) =>
    listeners.get(channel)?.forEach((l) => l({ sender: ipc, senderId: 0 }, payload));
  return { ipc, emit, listeners };
}

describe('channel-names', () => {
  it('equals the contract channels and events', () => {
    expect([...channelNames]).toEqual(Object.keys(contract));
    expect([...eventNames]).toEqual(Object.keys(events));
  });
});

describe('preload API', () => {
  it('exposes exactly one function per channel plus on', () => {
    const api = createMlarchApi(fakeIpcRenderer().ipc);
    expect(Object.keys(api).sort()).toEqual([...Object.keys(contract), 'on'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('invokes the channel with the request only', async () => {
    const { ipc } = fakeIpcRenderer();
    const api = createMlarchApi(ipc);
    await api['doc.open']({ path: '/d/A.mlarch' });
    expect(ipc.invoke).toHaveBeenCalledWith('doc.open', { path: '/d/A.mlarch' });
    for (const channel of channelNames) {
      await (api[channel] as (r: unknown) => Promise<unknown>)({});
      expect(ipc.invoke).toHaveBeenLastCalledWith(channel, {});
    }
  });

  it('passes event payloads without the IPC event and unsubscribes', () => {
    const { ipc, emit, listeners } = fakeIpcRenderer();
    const api = createMlarchApi(ipc);
    const received: unknown[] = [];
    const listener = vi.fn((...args: unknown[]) => received.push(args));
    const unsubscribe = api.on('menu.command', listener);
    emit('menu.command', { command: 'new' });
    expect(received).toEqual([[{ command: 'new' }]]);
    unsubscribe();
    unsubscribe();
    emit('menu.command', { command: 'fit' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(ipc.removeListener).toHaveBeenCalledTimes(1);
    expect(listeners.get('menu.command')?.size).toBe(0);
  });

  it('refuses to subscribe to unknown events', () => {
    const { ipc } = fakeIpcRenderer();
    const api = createMlarchApi(ipc);
    const on = api.on as (event: string, listener: () => void) => () => void;
    expect(() => on('ipc-internal', () => {})).toThrow(/Unknown event/);
    expect(ipc.on).not.toHaveBeenCalled();
  });
});
