import { connect, type Channel, type ConsumeMessage } from 'amqplib';
import { InvalidTransitionError, transition } from '../core/orderStatus';
import type { OrderRepository } from '../data/orderRepository';

interface PaymentCapturedEvent {
  type: 'payment.captured';
  orderId: string;
  capturedAt: string;
}

const QUEUE = 'orders.payment-events';
const MAX_DELIVERIES = 5;

function deliveryCount(message: ConsumeMessage): number {
  const raw = message.properties.headers?.['x-delivery-count'];
  return typeof raw === 'number' ? raw : 0;
}

function parseEvent(message: ConsumeMessage): PaymentCapturedEvent | null {
  try {
    const body = JSON.parse(message.content.toString('utf8')) as Partial<PaymentCapturedEvent>;
    return body.type === 'payment.captured' && typeof body.orderId === 'string' && typeof body.capturedAt === 'string'
      ? (body as PaymentCapturedEvent)
      : null;
  } catch {
    return null;
  }
}

export async function startOrderEventsConsumer(url: string, orders: OrderRepository): Promise<Channel> {
  const connection = await connect(url);
  const channel = await connection.createChannel();
  await channel.assertQueue(QUEUE, { durable: true, deadLetterExchange: 'orders.dlx' });
  await channel.prefetch(10);

  await channel.consume(QUEUE, async (message) => {
    if (!message) return;
    const event = parseEvent(message);
    if (!event) {
      channel.nack(message, false, false); // malformed: straight to the dead-letter queue
      return;
    }
    try {
      const order = await orders.findById(event.orderId);
      if (!order) {
        channel.ack(message);
        return;
      }
      await orders.save(transition(order, 'paid', new Date(event.capturedAt)));
      channel.ack(message);
    } catch (error) {
      if (error instanceof InvalidTransitionError) {
        channel.ack(message); // duplicate or late delivery; the order already moved on
        return;
      }
      const attempts = deliveryCount(message) + 1;
      channel.nack(message, false, attempts < MAX_DELIVERIES);
    }
  });

  return channel;
}
