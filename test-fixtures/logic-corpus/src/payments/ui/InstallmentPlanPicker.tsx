import { useMemo } from 'react';
import { formatMoney, type CurrencyCode } from '../../shared';

interface InstallmentOption {
  months: 3 | 6 | 12 | 24;
  monthlyCents: number;
  totalCents: number;
  apr: number;
}

interface InstallmentPlanPickerProps {
  amountCents: number;
  currency: CurrencyCode;
  hasGoodPaymentHistory: boolean;
  selectedMonths?: number;
  onSelect(option: InstallmentOption): void;
}

const APR_BY_TERM: Record<InstallmentOption['months'], number> = { 3: 0, 6: 0.0499, 12: 0.0799, 24: 0.0999 };

function buildInstallmentOptions(amountCents: number, hasGoodPaymentHistory: boolean): InstallmentOption[] {
  if (amountCents < 10_000) return []; // financing from €100
  const terms: InstallmentOption['months'][] = amountCents >= 100_000 ? [3, 6, 12, 24] : amountCents >= 30_000 ? [3, 6, 12] : [3, 6];
  return terms.map((months) => {
    // Returning customers with a clean history get the 6-month plan interest free.
    const apr = months === 6 && hasGoodPaymentHistory ? 0 : APR_BY_TERM[months];
    const monthlyRate = apr / 12;
    const monthlyCents =
      monthlyRate === 0
        ? Math.ceil(amountCents / months)
        : Math.ceil((amountCents * monthlyRate) / (1 - (1 + monthlyRate) ** -months));
    return { months, apr, monthlyCents, totalCents: monthlyCents * months };
  });
}

export function InstallmentPlanPicker({ amountCents, currency, hasGoodPaymentHistory, selectedMonths, onSelect }: InstallmentPlanPickerProps) {
  const options = useMemo(() => buildInstallmentOptions(amountCents, hasGoodPaymentHistory), [amountCents, hasGoodPaymentHistory]);

  if (options.length === 0) {
    return <p className="muted">Pay in instalments on orders from {formatMoney(10_000, currency)}.</p>;
  }

  return (
    <fieldset className="installments">
      <legend>Pay in instalments</legend>
      {options.map((option) => (
        <label key={option.months} className={option.months === selectedMonths ? 'installment is-selected' : 'installment'}>
          <input type="radio" name="installments" checked={option.months === selectedMonths} onChange={() => onSelect(option)} />
          {option.months} × {formatMoney(option.monthlyCents, currency)}
          <small>{option.apr === 0 ? '0% interest' : `${(option.apr * 100).toFixed(2)}% APR`}</small>
        </label>
      ))}
    </fieldset>
  );
}
