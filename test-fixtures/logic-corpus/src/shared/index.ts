export * from './money';
export * from './format';
export * from './analytics';
export * from './featureFlags';
export * from './http';
