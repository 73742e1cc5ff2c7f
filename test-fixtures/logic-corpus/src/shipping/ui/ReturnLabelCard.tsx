import { formatMoney, type CurrencyCode } from '../../shared';
import type { LoyaltyTier } from '../../customers';

type ReturnReason = 'damaged' | 'wrong_item' | 'not_as_described' | 'changed_mind' | 'too_small' | 'too_large';

interface ReturnLabelCardProps {
  reason: ReturnReason;
  tier: LoyaltyTier;
  parcelWeightGrams: number;
  currency: CurrencyCode;
  labelUrl?: string;
  onCreateLabel(): void;
}

function returnShippingFee(reason: ReturnReason, tier: LoyaltyTier, weightGrams: number): number {
  switch (reason) {
    case 'damaged':
    case 'wrong_item':
    case 'not_as_described':
      return 0; // our mistake, we pay
    case 'too_small':
    case 'too_large':
      return tier === 'bronze' ? 395 : 0; // free size exchanges from silver up
    case 'changed_mind':
      if (tier === 'platinum') return 0;
      return weightGrams > 5_000 ? 995 : 595;
  }
}

const REASON_LABEL: Record<ReturnReason, string> = {
  damaged: 'Arrived damaged',
  wrong_item: 'Wrong item',
  not_as_described: 'Not as described',
  changed_mind: 'Changed my mind',
  too_small: 'Too small',
  too_large: 'Too large',
};

export function ReturnLabelCard({ reason, tier, parcelWeightGrams, currency, labelUrl, onCreateLabel }: ReturnLabelCardProps) {
  const fee = returnShippingFee(reason, tier, parcelWeightGrams);

  return (
    <div className="card return-label">
      <h3>Return shipping</h3>
      <p>Reason: {REASON_LABEL[reason]}</p>
      <p>{fee === 0 ? 'Return shipping is free.' : `${formatMoney(fee, currency)} will be deducted from your refund.`}</p>
      {labelUrl ? (
        <a className="btn" href={labelUrl} download>Download label (PDF)</a>
      ) : (
        <button type="button" className="btn" onClick={onCreateLabel}>Create return label</button>
      )}
    </div>
  );
}
