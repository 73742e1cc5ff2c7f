export interface Money {
  amount: number;
  currency: string;
}

export function money(amount: number, currency = 'EUR'): Money {
  return { amount, currency };
}
