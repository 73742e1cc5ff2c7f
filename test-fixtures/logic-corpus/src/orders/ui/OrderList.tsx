import { useEffect, useMemo, useState } from 'react';
import { formatDate, formatMoney, pluralize, track } from '../../shared';
import type { OrderSummaryDto } from '../core/types';
import { OrderStatusBadge } from './OrderStatusBadge';

interface OrderListProps {
  orders: OrderSummaryDto[] | undefined;
  loading: boolean;
  error?: string;
  pageSize?: number;
}

type SortKey = 'placedAt' | 'totalCents' | 'number';

export function OrderList({ orders, loading, error, pageSize = 20 }: OrderListProps) {
  const [query, setQuery] = useState('');
  const [sortKey, setSortKey] = useState<SortKey>('placedAt');
  const [descending, setDescending] = useState(true);
  const [page, setPage] = useState(1);

  const visible = useMemo(() => {
    const needle = query.trim().toLowerCase();
    const filtered = (orders ?? []).filter((o) => needle === '' || o.number.toLowerCase().includes(needle));
    const sorted = [...filtered].sort((a, b) => {
      const cmp = sortKey === 'totalCents' ? a.totalCents - b.totalCents : String(a[sortKey]).localeCompare(String(b[sortKey]));
      return descending ? -cmp : cmp;
    });
    return sorted;
  }, [orders, query, sortKey, descending]);

  const pageCount = Math.max(1, Math.ceil(visible.length / pageSize));
  const currentPage = Math.min(page, pageCount);
  const rows = visible.slice((currentPage - 1) * pageSize, currentPage * pageSize);

  useEffect(() => {
    track('order_list_viewed', { page: currentPage, results: visible.length, sort: sortKey });
  }, [currentPage, visible.length, sortKey]);

  if (loading) return <div className="spinner" aria-busy="true" />;
  if (error) return <p className="alert alert--error">Could not load your orders: {error}</p>;
  if (visible.length === 0) return <p className="empty-state">No orders match “{query}”.</p>;

  const toggleSort = (key: SortKey) => {
    if (key === sortKey) setDescending((d) => !d);
    else {
      setSortKey(key);
      setDescending(true);
    }
  };

  return (
    <div className="order-list">
      <input type="search" value={query} placeholder="Search by order number" onChange={(e: { target: HTMLInputElement }) => setQuery(e.target.value)} />
      <p className="muted">{pluralize(visible.length, 'order')}</p>
      <table>
        <thead>
          <tr>
            <th onClick={() => toggleSort('number')}>Order</th>
            <th onClick={() => toggleSort('placedAt')}>Placed</th>
            <th onClick={() => toggleSort('totalCents')} className="num">Total</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((o) => (
            <tr key={o.id}>
              <td>{o.number}</td>
              <td>{formatDate(o.placedAt)}</td>
              <td className="num">{formatMoney(o.totalCents, o.currency)}</td>
              <td><OrderStatusBadge status={o.status} compact /></td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav className="pager">
        <button disabled={currentPage === 1} onClick={() => setPage(currentPage - 1)}>Previous</button>
        <span>Page {currentPage} of {pageCount}</span>
        <button disabled={currentPage === pageCount} onClick={() => setPage(currentPage + 1)}>Next</button>
      </nav>
    </div>
  );
}
