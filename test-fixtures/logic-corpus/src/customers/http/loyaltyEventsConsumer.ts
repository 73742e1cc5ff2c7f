import { Kafka, type EachMessagePayload } from 'kafkajs';
import type { LoyaltyTier } from '../core/types';
import type { CustomerRepository } from '../data/customerRepository';

interface PurchaseCompletedEvent {
  customerId: string;
  orderId: string;
  totalCents: number;
  tier: LoyaltyTier;
  categories: string[];
  completedAt: string;
  customerBirthday?: string; // MM-DD
}

export function createLoyaltyConsumer(brokers: string[], customers: CustomerRepository) {
  const kafka = new Kafka({ clientId: 'loyalty-service', brokers });
  const consumer = kafka.consumer({ groupId: 'loyalty-points' });

  async function handlePurchaseEvent({ message }: EachMessagePayload): Promise<void> {
    if (!message.value) return;
    const event = JSON.parse(message.value.toString()) as PurchaseCompletedEvent;

    // 1 point per euro, multiplied by tier; double points in the birthday month; +200 for first eco purchase.
    const multiplier = { bronze: 1, silver: 1.25, gold: 1.5, platinum: 2 }[event.tier];
    let points = Math.floor((event.totalCents / 100) * multiplier);
    const completed = new Date(event.completedAt);
    if (event.customerBirthday && Number(event.customerBirthday.slice(0, 2)) === completed.getMonth() + 1) {
      points *= 2;
    }
    if (event.categories.includes('eco')) {
      points += 200;
    }
    if (points > 0) {
      await customers.addLoyaltyPoints(event.customerId, points, `order:${event.orderId}`);
    }
  }

  return {
    async start() {
      await consumer.connect();
      await consumer.subscribe({ topic: 'orders.purchase-completed', fromBeginning: false });
      await consumer.run({ eachMessage: handlePurchaseEvent });
    },
    stop: () => consumer.disconnect(),
  };
}
