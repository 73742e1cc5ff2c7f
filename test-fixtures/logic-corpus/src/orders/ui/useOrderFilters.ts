import { useCallback, useEffect, useMemo, useState } from 'react';
import type { OrderStatus } from '../core/types';

export interface OrderFilters {
  status: OrderStatus | 'all';
  search: string;
  page: number;
  pageSize: number;
}

const PAGE_SIZES = [10, 20, 50] as const;
const STATUSES: ReadonlyArray<OrderStatus | 'all'> = ['all', 'placed', 'paid', 'packed', 'shipped', 'delivered', 'cancelled', 'refunded'];

function parseFilters(search: string): OrderFilters {
  const params = new URLSearchParams(search);
  const status = params.get('status') as OrderFilters['status'] | null;
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  const size = Number.parseInt(params.get('size') ?? '20', 10);
  return {
    status: status && STATUSES.includes(status) ? status : 'all',
    search: params.get('q') ?? '',
    page: Number.isFinite(page) && page > 0 ? page : 1,
    pageSize: (PAGE_SIZES as readonly number[]).includes(size) ? size : 20,
  };
}

function serialize(filters: OrderFilters): string {
  const params = new URLSearchParams();
  if (filters.status !== 'all') params.set('status', filters.status);
  if (filters.search) params.set('q', filters.search);
  if (filters.page > 1) params.set('page', String(filters.page));
  if (filters.pageSize !== 20) params.set('size', String(filters.pageSize));
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}

/** Keeps the order list filters in the URL so they survive reloads and can be shared. */
export function useOrderFilters(debounceMs = 300) {
  const [filters, setFilters] = useState<OrderFilters>(() => parseFilters(window.location.search));
  const [debouncedSearch, setDebouncedSearch] = useState(filters.search);

  useEffect(() => {
    const handle = window.setTimeout(() => setDebouncedSearch(filters.search), debounceMs);
    return () => window.clearTimeout(handle);
  }, [filters.search, debounceMs]);

  useEffect(() => {
    window.history.replaceState(null, '', `${window.location.pathname}${serialize(filters)}`);
  }, [filters]);

  const update = useCallback((patch: Partial<OrderFilters>) => {
    // Any change other than paging sends the user back to the first page.
    setFilters((prev) => ({ ...prev, ...patch, page: patch.page ?? 1 }));
  }, []);

  const apiQuery = useMemo(
    () => ({ ...filters, search: debouncedSearch, offset: (filters.page - 1) * filters.pageSize }),
    [filters, debouncedSearch],
  );

  return { filters, update, apiQuery, pageSizes: PAGE_SIZES, statuses: STATUSES };
}
