export type { Notification } from './types';
export { pendingNotifications as outbox, flushNotifications } from './queue';
export { subscribe, unsubscribe, emit } from './subscribers';
