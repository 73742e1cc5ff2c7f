import { useCallback, useMemo, useState } from 'react';
import type { StockItem } from '../core/types';

export type InventoryColumn = 'sku' | 'name' | 'onHand' | 'reserved' | 'receivedAt';

interface TableState {
  filter: string;
  sortBy: InventoryColumn;
  direction: 'asc' | 'desc';
  page: number;
  hiddenColumns: InventoryColumn[];
}

const PAGE_SIZE = 50;

export function useInventoryTable(items: StockItem[]) {
  const [state, setState] = useState<TableState>({ filter: '', sortBy: 'sku', direction: 'asc', page: 0, hiddenColumns: ['reserved'] });

  const filtered = useMemo(() => {
    const needle = state.filter.trim().toLowerCase();
    if (!needle) return items;
    return items.filter((i) => i.sku.toLowerCase().includes(needle) || i.name.toLowerCase().includes(needle));
  }, [items, state.filter]);

  const sorted = useMemo(() => {
    const factor = state.direction === 'asc' ? 1 : -1;
    return [...filtered].sort((a, b) => {
      const left = a[state.sortBy];
      const right = b[state.sortBy];
      return typeof left === 'number' && typeof right === 'number'
        ? (left - right) * factor
        : String(left).localeCompare(String(right)) * factor;
    });
  }, [filtered, state.sortBy, state.direction]);

  const pageCount = Math.max(1, Math.ceil(sorted.length / PAGE_SIZE));
  const rows = sorted.slice(state.page * PAGE_SIZE, (state.page + 1) * PAGE_SIZE);

  const sortBy = useCallback((column: InventoryColumn) => {
    setState((s) => ({ ...s, sortBy: column, direction: s.sortBy === column && s.direction === 'asc' ? 'desc' : 'asc', page: 0 }));
  }, []);

  const toggleColumn = useCallback((column: InventoryColumn) => {
    setState((s) => ({
      ...s,
      hiddenColumns: s.hiddenColumns.includes(column) ? s.hiddenColumns.filter((c) => c !== column) : [...s.hiddenColumns, column],
    }));
  }, []);

  const toCsv = useCallback(() => {
    const header = 'sku,name,on_hand,reserved,received_at';
    const lines = sorted.map((i) => [i.sku, `"${i.name.replace(/"/g, '""')}"`, i.onHand, i.reserved, i.receivedAt].join(','));
    return [header, ...lines].join('\n');
  }, [sorted]);

  return {
    rows,
    pageCount,
    state,
    setFilter: (filter: string) => setState((s) => ({ ...s, filter, page: 0 })),
    setPage: (page: number) => setState((s) => ({ ...s, page: Math.min(Math.max(page, 0), pageCount - 1) })),
    sortBy,
    toggleColumn,
    toCsv,
  };
}
