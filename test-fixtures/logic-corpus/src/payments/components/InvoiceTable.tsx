import { useMemo, useState } from 'react';
import { formatDate, formatMoney, type CurrencyCode } from '../../shared';

interface InvoiceRow {
  id: string;
  number: string;
  issuedAt: string;
  dueDate: string;
  amountCents: number;
  currency: CurrencyCode;
  status: 'open' | 'paid' | 'overdue' | 'void';
  pdfUrl: string;
}

interface InvoiceTableProps {
  invoices: InvoiceRow[];
  pageSize?: number;
}

const STATUS_CLASS: Record<InvoiceRow['status'], string> = {
  open: 'pill pill--info',
  paid: 'pill pill--success',
  overdue: 'pill pill--danger',
  void: 'pill pill--muted',
};

export function InvoiceTable({ invoices, pageSize = 15 }: InvoiceTableProps) {
  const [page, setPage] = useState(0);
  const [newestFirst, setNewestFirst] = useState(true);

  const sorted = useMemo(
    () => [...invoices].sort((a, b) => (newestFirst ? -1 : 1) * (Date.parse(a.issuedAt) - Date.parse(b.issuedAt))),
    [invoices, newestFirst],
  );
  const pages = Math.ceil(sorted.length / pageSize);
  const rows = sorted.slice(page * pageSize, (page + 1) * pageSize);
  const from = sorted.length === 0 ? 0 : page * pageSize + 1;
  const to = Math.min(sorted.length, (page + 1) * pageSize);

  return (
    <div>
      <table className="invoice-table">
        <thead>
          <tr>
            <th>Invoice</th>
            <th onClick={() => setNewestFirst(!newestFirst)} aria-sort={newestFirst ? 'descending' : 'ascending'}>Issued</th>
            <th>Due</th>
            <th className="num">Amount</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((inv) => (
            <tr key={inv.id}>
              <td><a href={inv.pdfUrl}>{inv.number}</a></td>
              <td>{formatDate(inv.issuedAt)}</td>
              <td>{formatDate(inv.dueDate)}</td>
              <td className="num">{formatMoney(inv.amountCents, inv.currency)}</td>
              <td><span className={STATUS_CLASS[inv.status]}>{inv.status}</span></td>
            </tr>
          ))}
        </tbody>
      </table>
      <footer className="pager">
        <span>Showing {from}–{to} of {sorted.length}</span>
        <button disabled={page === 0} onClick={() => setPage(page - 1)}>‹</button>
        <button disabled={page >= pages - 1} onClick={() => setPage(page + 1)}>›</button>
      </footer>
    </div>
  );
}
