/** A subscription point for one kind of host event that keeps what arrives before anyone listens. */
export interface EventQueue<T> {
  /** Hands an event to every listener, or keeps it while nobody has subscribed yet. */
  emit(event: T): void;
  /** Adds a listener; the first one ever also receives the kept events, oldest first. */
  subscribe(listener: (event: T) => void): () => void;
}

/**
 * Events can arrive before the UI subscribes (Electron's main sends `open-path` as soon as the page has
 * loaded, before React has mounted). Those are kept until the first listener subscribes and then handed
 * to it in order. Later, an event with no listener is dropped: a stale menu command must not act later.
 */
export function createEventQueue<T>(): EventQueue<T> {
  const listeners = new Set<(event: T) => void>();
  let early: T[] | null = [];

  const deliver = (listener: (event: T) => void, event: T) => {
    try {
      listener(event);
    } catch (error) {
      // One failing listener must not keep the event from the others; the error still surfaces.
      queueMicrotask(() => {
        throw error;
      });
    }
  };

  return {
    emit(event) {
      if (early) early.push(event);
      else for (const listener of [...listeners]) deliver(listener, event);
    },
    subscribe(listener) {
      listeners.add(listener);
      if (early) {
        const kept = early;
        early = null;
        for (const event of kept) deliver(listener, event);
      }
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
