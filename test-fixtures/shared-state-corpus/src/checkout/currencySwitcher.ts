import { SUPPORTED_CURRENCIES, isSupportedCurrency } from '../settings/currencies';
import { activeCurrency, setActiveCurrency } from '../settings/locale';

export function currencyOptions(): Array<{ code: string; selected: boolean }> {
  return SUPPORTED_CURRENCIES.map((code) => ({ code, selected: code === activeCurrency }));
}

/** Checkout switches the whole shop's currency when the shopper picks another one at payment. */
export function onCurrencyPicked(code: string): void {
  if (!isSupportedCurrency(code)) return;
  setActiveCurrency(code);
}
