import type { Notification } from './types';

export const pendingNotifications: Notification[] = [];

export async function flushNotifications(send: (n: Notification) => Promise<void>): Promise<number> {
  const batch = pendingNotifications.splice(0, pendingNotifications.length);
  for (const notification of batch) await send(notification);
  return batch.length;
}
