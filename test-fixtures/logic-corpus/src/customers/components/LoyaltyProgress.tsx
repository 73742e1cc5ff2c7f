import { tierProgress } from '../core/loyalty';

interface LoyaltyProgressProps {
  points: number;
  compact?: boolean;
}

const TIER_NAMES = { bronze: 'Bronze', silver: 'Silver', gold: 'Gold', platinum: 'Platinum' } as const;

export function LoyaltyProgress({ points, compact = false }: LoyaltyProgressProps) {
  // Tier thresholds live in customers core; this component only draws the bar.
  const progress = tierProgress(points);
  const percent =
    progress.pointsForNextTier === null ? 100 : Math.min(100, (progress.pointsIntoTier / progress.pointsForNextTier) * 100);
  const remaining = progress.pointsForNextTier === null ? 0 : progress.pointsForNextTier - progress.pointsIntoTier;

  return (
    <div className={compact ? 'loyalty-progress loyalty-progress--compact' : 'loyalty-progress'}>
      <div className="loyalty-progress__track" role="progressbar" aria-valuenow={Math.round(percent)} aria-valuemin={0} aria-valuemax={100}>
        <div className="loyalty-progress__fill" style={{ width: `${percent.toFixed(1)}%` }} />
      </div>
      {!compact && (
        <p className="loyalty-progress__caption">
          {progress.nextTier
            ? `${remaining.toLocaleString()} points to ${TIER_NAMES[progress.nextTier]}`
            : `You are a ${TIER_NAMES[progress.tier]} member`}
        </p>
      )}
    </div>
  );
}
