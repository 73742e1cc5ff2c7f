import { connect } from 'amqplib';

interface SettlementMessage {
  merchantId: string;
  batchId: string;
  grossCents: number;
  refundsCents: number;
  chargebacksCount: number;
  merchantRisk: 'low' | 'medium' | 'high';
  settledAt: string;
}

export interface PayoutInstruction {
  merchantId: string;
  batchId: string;
  payoutCents: number;
  reserveCents: number;
  feeCents: number;
  holdUntil: string | null;
}

export async function startSettlementConsumer(url: string, publishPayout: (p: PayoutInstruction) => Promise<void>) {
  const connection = await connect(url);
  const channel = await connection.createChannel();
  await channel.assertQueue('payments.settlements', { durable: true });
  await channel.prefetch(1);

  await channel.consume('payments.settlements', async (msg) => {
    if (!msg) return;
    const s = JSON.parse(msg.content.toString('utf8')) as SettlementMessage;

    // Platform fee 2.5% of net sales plus €15 per chargeback; high-risk merchants keep a 10% rolling reserve
    // and get paid 7 days later.
    const net = s.grossCents - s.refundsCents;
    const feeCents = Math.round(net * 0.025) + s.chargebacksCount * 1_500;
    const reserveCents = s.merchantRisk === 'high' ? Math.round(net * 0.1) : 0;
    const holdUntil =
      s.merchantRisk === 'high' ? new Date(Date.parse(s.settledAt) + 7 * 86_400_000).toISOString() : null;

    await publishPayout({
      merchantId: s.merchantId,
      batchId: s.batchId,
      feeCents,
      reserveCents,
      payoutCents: Math.max(0, net - feeCents - reserveCents),
      holdUntil,
    });
    channel.ack(msg);
  });
}
