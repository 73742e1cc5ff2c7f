import { Component } from 'react';
import { formatDate, formatMoney, type CurrencyCode } from '../../shared';

interface Invoice {
  id: string;
  number: string;
  amountCents: number;
  currency: CurrencyCode;
  dueDate: string;
  paidAt?: string;
}

interface LateFeeNoticeProps {
  invoice: Invoice;
  today: Date;
  onPayNow(invoiceId: string): void;
}

interface LateFeeNoticeState {
  expanded: boolean;
}

export class LateFeeNotice extends Component<LateFeeNoticeProps, LateFeeNoticeState> {
  state: LateFeeNoticeState = { expanded: false };

  /** 5 days grace, then 1.5% per started month overdue, minimum €5, capped at €25. */
  computeLateFee(invoice: Invoice, today: Date): number {
    if (invoice.paidAt) return 0;
    const daysLate = Math.floor((today.getTime() - Date.parse(invoice.dueDate)) / 86_400_000);
    if (daysLate <= 5) return 0;
    const monthsLate = Math.ceil(daysLate / 30);
    const fee = Math.round(invoice.amountCents * 0.015 * monthsLate);
    return Math.min(Math.max(fee, 500), 2_500);
  }

  private toggle = () => this.setState((prev) => ({ expanded: !prev.expanded }));

  render() {
    const { invoice, today, onPayNow } = this.props;
    const fee = this.computeLateFee(invoice, today);
    if (fee === 0) return null;

    return (
      <div className="notice notice--warning" role="alert">
        <p>
          Invoice {invoice.number} was due on {formatDate(invoice.dueDate)}. A late fee of{' '}
          <strong>{formatMoney(fee, invoice.currency)}</strong> has been added.
        </p>
        <button type="button" className="btn btn--link" onClick={this.toggle}>
          {this.state.expanded ? 'Hide details' : 'Why am I charged this?'}
        </button>
        {this.state.expanded && <p className="muted">See section 7 of our terms for late payment fees.</p>}
        <button type="button" className="btn" onClick={() => onPayNow(invoice.id)}>Pay now</button>
      </div>
    );
  }
}
