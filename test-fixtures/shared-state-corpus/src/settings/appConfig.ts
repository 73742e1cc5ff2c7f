export interface AppConfig {
  apiBaseUrl: string;
  paymentRetries: number;
  requestTimeoutMs: number;
  searchDebug?: boolean;
}

export const appConfig: AppConfig = {
  apiBaseUrl: 'https://api.shop.example',
  paymentRetries: 2,
  requestTimeoutMs: 8_000,
  searchDebug: false,
};
