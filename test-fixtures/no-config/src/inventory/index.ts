export const stock = 3;
