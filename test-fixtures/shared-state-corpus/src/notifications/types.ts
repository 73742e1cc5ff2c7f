export interface Notification {
  channel: 'email' | 'sms' | 'push';
  recipient: string;
  template: string;
  data: Record<string, string>;
}
