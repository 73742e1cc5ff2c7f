import axios, { isAxiosError, type AxiosInstance } from 'axios';
import type { Customer } from '../core/types';

interface CrmContact {
  contact_id: string;
  email_address: string;
  given_name: string;
  family_name: string;
  phone_numbers?: Array<{ type: 'mobile' | 'work'; number: string }>;
  custom_fields?: Record<string, string>;
}

interface CrmPage<T> {
  results: T[];
  paging?: { next?: { after: string } };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class CrmClient {
  private readonly http: AxiosInstance;

  constructor(token: string, baseURL = 'https://api.crm.example/v3') {
    this.http = axios.create({ baseURL, timeout: 8_000, headers: { Authorization: `Bearer ${token}` } });
  }

  /** Pushes our customer to the CRM as a contact; the CRM owns marketing consent, not us. */
  async upsertContact(customer: Customer): Promise<void> {
    const body: Omit<CrmContact, 'contact_id'> = {
      email_address: customer.email,
      given_name: customer.firstName,
      family_name: customer.lastName,
      phone_numbers: customer.phone ? [{ type: 'mobile', number: customer.phone }] : [],
      custom_fields: { external_id: customer.id, segment: customer.segment },
    };
    await this.withRateLimit(() => this.http.put(`/contacts/by-email/${encodeURIComponent(customer.email)}`, body));
  }

  async *allContacts(pageSize = 100): AsyncGenerator<CrmContact> {
    let after: string | undefined;
    do {
      const { data } = await this.withRateLimit(() =>
        this.http.get<CrmPage<CrmContact>>('/contacts', { params: { limit: Math.min(pageSize, 100), after } }),
      );
      yield* data.results;
      after = data.paging?.next?.after;
    } while (after);
  }

  private async withRateLimit<T>(call: () => Promise<T>, attempts = 4): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        if (!isAxiosError(error) || error.response?.status !== 429 || attempt === attempts) throw error;
        const resetSeconds = Number(error.response.headers['x-ratelimit-reset'] ?? '1');
        await sleep(Math.max(1, resetSeconds) * 1000 + attempt * 100);
      }
    }
  }
}
