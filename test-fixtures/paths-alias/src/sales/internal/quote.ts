export const QUOTE_DAYS = 30;
