import axios, { isAxiosError, type AxiosInstance } from 'axios';

interface SupplierCatalogItem {
  supplier_sku: string;
  ean: string;
  description: string;
  pack_size: number;
  net_price: string; // "12.50"
  lead_time_days: number;
}

export interface SupplierOffer {
  ean: string;
  description: string;
  packSize: number;
  unitCostCents: number;
  leadTimeDays: number;
}

export class SupplierClient {
  private readonly http: AxiosInstance;

  constructor(baseURL: string, token: string) {
    this.http = axios.create({ baseURL, timeout: 12_000, headers: { Authorization: `Token ${token}` } });
  }

  private toOffer(item: SupplierCatalogItem): SupplierOffer {
    const packPriceCents = Math.round(Number.parseFloat(item.net_price) * 100);
    return {
      ean: item.ean,
      description: item.description.trim(),
      packSize: item.pack_size,
      unitCostCents: Math.round(packPriceCents / Math.max(item.pack_size, 1)),
      leadTimeDays: item.lead_time_days,
    };
  }

  async *catalog(pageSize = 200): AsyncGenerator<SupplierOffer> {
    let page = 1;
    while (true) {
      const items = await this.getPage(page, pageSize);
      for (const item of items) yield this.toOffer(item);
      if (items.length < pageSize) return;
      page += 1;
    }
  }

  private async getPage(page: number, pageSize: number, attempt = 1): Promise<SupplierCatalogItem[]> {
    try {
      const { data } = await this.http.get<{ items: SupplierCatalogItem[] }>('/catalog', { params: { page, per_page: pageSize } });
      return data.items;
    } catch (error) {
      const transient = isAxiosError(error) && (error.code === 'ECONNABORTED' || (error.response?.status ?? 0) >= 500);
      if (!transient || attempt >= 4) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1_000 * attempt ** 2));
      return this.getPage(page, pageSize, attempt + 1);
    }
  }
}
