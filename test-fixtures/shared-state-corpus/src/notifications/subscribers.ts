import type { Notification } from './types';

type Listener = (notification: Notification) => void;

// Module-private: other domains can only go through subscribe/unsubscribe/emit.
const listeners = new Set<Listener>();

export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => unsubscribe(listener);
}

export function unsubscribe(listener: Listener): void {
  listeners.delete(listener);
}

export function emit(notification: Notification): void {
  listeners.forEach((listener) => listener(notification));
}
