import axios, { isAxiosError, type AxiosInstance } from 'axios';

export interface FraudSignals {
  paymentId: string;
  email: string;
  ipAddress: string;
  amountCents: number;
  shippingCountry: string;
  billingCountry: string;
  accountAgeDays: number;
}

export type RiskAction = 'approve' | 'review' | 'block';

interface ScoreResponse {
  score: number; // 0..1
  reasons: string[];
}

/** Our policy on top of the vendor score. */
export function classifyRisk(score: number, signals: FraudSignals): RiskAction {
  const mismatchedCountry = signals.shippingCountry !== signals.billingCountry;
  const newAccount = signals.accountAgeDays < 7;
  if (score >= 0.85 || (score >= 0.6 && mismatchedCountry && newAccount)) return 'block';
  if (score >= 0.6 || (signals.amountCents > 200_000 && newAccount)) return 'review';
  return 'approve';
}

export class FraudScoreClient {
  private readonly http: AxiosInstance;

  constructor(apiKey: string) {
    this.http = axios.create({ baseURL: 'https://risk.example.io/v1', timeout: 2_500, headers: { Authorization: `Bearer ${apiKey}` } });
  }

  async score(signals: FraudSignals): Promise<ScoreResponse | null> {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const { data } = await this.http.post<ScoreResponse>('/scores', {
          transaction_id: signals.paymentId,
          email: signals.email.toLowerCase(),
          ip: signals.ipAddress,
          amount: signals.amountCents / 100,
        });
        return data;
      } catch (error) {
        const status = isAxiosError(error) ? error.response?.status : undefined;
        if (status && status >= 400 && status < 500) return null;
        await new Promise((r) => setTimeout(r, 100 * 2 ** attempt));
      }
    }
    return null; // fail open: checkout must not stop when the vendor is down
  }

  async assess(signals: FraudSignals): Promise<{ action: RiskAction; reasons: string[] }> {
    const result = await this.score(signals);
    if (!result) return { action: 'review', reasons: ['vendor_unavailable'] };
    return { action: classifyRisk(result.score, signals), reasons: result.reasons };
  }
}
