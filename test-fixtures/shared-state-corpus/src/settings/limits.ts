export const MAX_CART_ITEMS = 50;
export const MAX_QUANTITY_PER_LINE = 10;
export const SESSION_TIMEOUT_MINUTES = 30;
