import { classNames, type CurrencyCode } from '../../shared';
import { discountPercentage } from '../core/discounts';

interface PriceTagProps {
  priceCents: number;
  compareAtCents?: number;
  currency: CurrencyCode;
  locale?: string;
  size?: 'sm' | 'md' | 'lg';
  perUnit?: string;
}

const format = (cents: number, currency: CurrencyCode, locale: string) =>
  new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: cents % 100 === 0 ? 0 : 2,
  }).format(cents / 100);

export function PriceTag({ priceCents, compareAtCents, currency, locale = 'en-GB', size = 'md', perUnit }: PriceTagProps) {
  const showCompareAt = compareAtCents !== undefined && compareAtCents > priceCents;
  const saving = showCompareAt ? discountPercentage(compareAtCents, priceCents) : 0;

  return (
    <span className={classNames('price-tag', `price-tag--${size}`, showCompareAt && 'price-tag--sale')}>
      <span className="price-tag__amount">{format(priceCents, currency, locale)}</span>
      {perUnit && <span className="price-tag__unit">/ {perUnit}</span>}
      {showCompareAt && (
        <>
          <s className="price-tag__compare" aria-label="Previous price">
            {format(compareAtCents, currency, locale)}
          </s>
          <span className="price-tag__saving">−{Math.round(saving * 100)}%</span>
        </>
      )}
    </span>
  );
}
