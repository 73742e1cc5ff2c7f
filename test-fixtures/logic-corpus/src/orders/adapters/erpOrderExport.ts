import axios, { isAxiosError, type AxiosInstance } from 'axios';
import type { Order } from '../core/types';

interface ErpOrderPayload {
  externalRef: string;
  customerNo: string;
  orderDate: string; // yyyyMMdd, the ERP does not accept ISO timestamps
  currency: string;
  grossAmount: string; // decimal string with two places
  discountAmount: string;
  taxAmount: string;
  lines: Array<{ itemNo: string; qty: number; unitPrice: string }>;
}

const RETRYABLE_STATUS = new Set([408, 429, 502, 503, 504]);

function toDecimal(cents: number): string {
  return (cents / 100).toFixed(2);
}

function toErpDate(iso: string): string {
  return iso.slice(0, 10).replaceAll('-', '');
}

export function toErpPayload(order: Order): ErpOrderPayload {
  return {
    externalRef: order.number,
    customerNo: order.customerId.replace(/^cus_/, ''),
    orderDate: toErpDate(order.placedAt),
    currency: order.currency,
    grossAmount: toDecimal(order.subtotalCents),
    discountAmount: toDecimal(order.discountCents),
    taxAmount: toDecimal(order.taxCents),
    lines: order.lines.map((line) => ({ itemNo: line.sku, qty: line.quantity, unitPrice: toDecimal(line.unitPriceCents) })),
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class ErpOrderExporter {
  private readonly http: AxiosInstance;

  constructor(baseURL: string, apiKey: string, private readonly maxAttempts = 5) {
    this.http = axios.create({ baseURL, timeout: 10_000, headers: { 'X-Api-Key': apiKey } });
  }

  async export(order: Order): Promise<string> {
    const payload = toErpPayload(order);
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await this.http.post<{ documentNo: string }>('/sales-orders', payload);
        return response.data.documentNo;
      } catch (error) {
        const status = isAxiosError(error) ? error.response?.status : undefined;
        const retryable = status === undefined || RETRYABLE_STATUS.has(status);
        if (!retryable || attempt >= this.maxAttempts) throw error;
        // Exponential backoff with full jitter: 0.5s, 1s, 2s, 4s … capped at 30s.
        const delay = Math.min(30_000, 500 * 2 ** (attempt - 1));
        await sleep(Math.random() * delay);
      }
    }
  }
}
