import { Kafka, type Producer } from 'kafkajs';
import type { StockRepository } from '../data/stockRepository';

interface StockLevelChanged {
  sku: string;
  warehouseId: string;
  onHand: number;
  reserved: number;
  unitsSoldLast14Days: number;
}

const TOPIC = 'wms.stock-level-changed';

export async function runWarehouseConsumer(brokers: string[], stock: StockRepository): Promise<void> {
  const kafka = new Kafka({ clientId: 'inventory-sync', brokers });
  const consumer = kafka.consumer({ groupId: 'inventory-reorder' });
  const producer: Producer = kafka.producer();
  await Promise.all([consumer.connect(), producer.connect()]);
  await consumer.subscribe({ topic: TOPIC });

  const handleStockLevelChanged = async (event: StockLevelChanged): Promise<void> => {
    const item = await stock.findItem(event.sku);
    if (!item || item.discontinued) return;

    // Reorder when free stock drops below lead-time demand plus a week of safety stock.
    const dailyDemand = event.unitsSoldLast14Days / 14;
    const reorderPoint = Math.ceil(dailyDemand * (item.supplierLeadTimeDays + 7));
    const free = event.onHand - event.reserved;
    if (free > reorderPoint) return;

    const orderQuantity = Math.max(Math.ceil(dailyDemand * 30), 10);
    await producer.send({
      topic: 'purchasing.reorder-requested',
      messages: [{ key: event.sku, value: JSON.stringify({ sku: event.sku, quantity: orderQuantity, warehouseId: event.warehouseId }) }],
    });
  };

  await consumer.run({
    eachMessage: async ({ message, heartbeat }) => {
      if (!message.value) return;
      await handleStockLevelChanged(JSON.parse(message.value.toString()) as StockLevelChanged);
      await heartbeat();
    },
  });
}
