import axios, { type AxiosInstance } from 'axios';
import type { CreditProfile, CustomerSegment } from '../core/types';

interface BureauReport {
  subjectId: string;
  score: number; // 300..850
  defaultsLast24Months: number;
  registeredYears: number;
  reportedRevenue?: number; // in whole euros
}

export interface CreditDecision {
  grade: 'A' | 'B' | 'C' | 'D';
  approved: boolean;
  limitCents: number;
  requiresPrepayment: boolean;
}

export class CreditBureauAdapter {
  private readonly http: AxiosInstance;

  constructor(apiKey: string) {
    this.http = axios.create({ baseURL: 'https://bureau.example.com/api', timeout: 15_000, headers: { 'X-Api-Key': apiKey } });
  }

  async fetchReport(vatNumber: string): Promise<BureauReport> {
    const { data } = await this.http.get<BureauReport>(`/reports/${encodeURIComponent(vatNumber.replace(/\s+/g, ''))}`);
    return data;
  }

  toRiskScore(report: BureauReport): number {
    // The bureau's 300–850 scale mapped onto our 0 (safe) – 100 (risky) scale.
    return Math.round(((850 - report.score) / 550) * 100);
  }

  async assessApplicant(vatNumber: string, segment: CustomerSegment): Promise<CreditDecision> {
    const report = await this.fetchReport(vatNumber);

    let grade: CreditDecision['grade'];
    if (report.score >= 720 && report.defaultsLast24Months === 0) grade = 'A';
    else if (report.score >= 650 && report.defaultsLast24Months <= 1) grade = 'B';
    else if (report.score >= 580) grade = 'C';
    else grade = 'D';

    const revenueCents = (report.reportedRevenue ?? 0) * 100;
    const baseLimit = grade === 'A' ? revenueCents * 0.1 : grade === 'B' ? revenueCents * 0.05 : 0;
    const youngCompany = report.registeredYears < 2;
    const limitCents = Math.min(Math.round(youngCompany ? baseLimit / 2 : baseLimit), segment === 'enterprise' ? 20_000_000 : 5_000_000);

    return {
      grade,
      approved: grade !== 'D',
      limitCents,
      requiresPrepayment: grade === 'C' || grade === 'D' || youngCompany,
    };
  }

  toCreditProfile(customerId: string, report: BureauReport, decision: CreditDecision): CreditProfile {
    return {
      customerId,
      annualRevenueCents: (report.reportedRevenue ?? 0) * 100,
      riskScore: this.toRiskScore(report),
      outstandingBalanceCents: 0,
      overdueInvoices: 0,
      creditLimitCents: decision.limitCents,
    };
  }
}
