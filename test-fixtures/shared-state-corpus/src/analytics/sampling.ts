export interface SamplingConfig {
  rate: number;
  alwaysSampleEvents: readonly string[];
}

export const SAMPLING: Readonly<SamplingConfig> = {
  rate: 0.1,
  alwaysSampleEvents: ['checkout_completed', 'payment_failed'],
};

export function shouldSample(eventName: string, random: number): boolean {
  return SAMPLING.alwaysSampleEvents.includes(eventName) || random < SAMPLING.rate;
}
