export type LoyaltyTier = 'bronze' | 'silver' | 'gold' | 'platinum';
export type CustomerSegment = 'consumer' | 'smb' | 'enterprise';

export interface Customer {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  phone?: string;
  segment: CustomerSegment;
  loyaltyPoints: number;
  createdAt: string;
  completedOrders: number;
  flaggedForFraud: boolean;
  emailVerified: boolean;
}

export interface CreditProfile {
  customerId: string;
  annualRevenueCents: number;
  riskScore: number; // 0 (safe) .. 100 (risky), from the credit bureau
  outstandingBalanceCents: number;
  overdueInvoices: number;
  creditLimitCents: number;
}

export type AccountStanding = 'good' | 'watch' | 'restricted';
