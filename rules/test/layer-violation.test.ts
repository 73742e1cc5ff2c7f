import * as assert from 'node:assert/strict';
import { brief, scanned } from './helpers';
import { writeWorkspace } from './inline-workspace';

const ORDERS = JSON.stringify({ domains: { orders: { path: 'src/orders' } } });

describe('engine: layer-violation', () => {
  it('passes barrels by, at any depth and in either form: they have no code of their own to sit in a layer', async () => {
    const session = await scanned(
      writeWorkspace({
        'foundations.json': ORDERS,
        'src/orders/index.ts': "import OrderProvider from './OrderContext';\nexport * from './list';\nexport { OrderProvider };\nexport type { Order } from './order';\n",
        'src/orders/OrderContext.tsx': 'export default function OrderProvider() { return null; }\n',
        'src/orders/order.ts': 'export interface Order { id: string }\n',
        'src/orders/list/index.ts': "'use client';\nexport * from './OrderList';\nexport type ListProps = { dense: boolean };\n",
        'src/orders/list/OrderList.tsx': 'export const OrderList = () => null;\n',
      }),
    );
    assert.deepEqual(brief(session), []);
  });

  it('still reports a file that re-exports and has code of its own', async () => {
    const session = await scanned(
      writeWorkspace({
        'foundations.json': ORDERS,
        'src/orders/index.ts': "export * from './total';\n",
        'src/orders/total.ts': "import { OrderList } from './list/OrderList';\nexport { OrderList };\nexport const total = (xs: number[]) => xs.length;\n",
        'src/orders/list/OrderList.tsx': 'export const OrderList = () => null;\n',
      }),
    );
    assert.deepEqual(brief(session), ['layer-violation src/orders/total.ts:1:27']);
  });

  it('counts React hooks and Angular components as ui, NestJS controllers, resolvers and modules as integration', async () => {
    const session = await scanned(
      writeWorkspace({
        'foundations.json': ORDERS,
        // A hook reading a context defined in a .tsx file: ui → ui.
        'src/orders/OrderContext.tsx': 'export const OrderContext = { id: 1 };\n',
        'src/orders/useOrder.ts': "import { OrderContext } from './OrderContext';\nexport const useOrder = () => OrderContext;\n",
        // NestJS: the module wires the controller and the service; the controller calls the service.
        'src/orders/orders.service.ts': 'export class OrdersService { list() { return []; } }\n',
        'src/orders/orders.controller.ts': "import { OrdersService } from './orders.service';\nexport class OrdersController { constructor(private readonly s: OrdersService) {} }\n",
        'src/orders/orders.resolver.ts': "import { OrdersService } from './orders.service';\nexport class OrdersResolver { constructor(private readonly s: OrdersService) {} }\n",
        'src/orders/orders.module.ts': "import { OrdersController } from './orders.controller';\nimport { OrdersResolver } from './orders.resolver';\nimport { OrdersService } from './orders.service';\nexport class OrdersModule { static parts = [OrdersController, OrdersResolver, OrdersService]; }\n",
        // The core may not call the controller.
        'src/orders/reports.ts': "import { OrdersController } from './orders.controller';\nexport const c = OrdersController;\n",
      }),
    );
    assert.deepEqual(brief(session), ['layer-violation src/orders/reports.ts:1:34']);
    const layerOf = (file: string) => session.workspaceModel.membership(`${session.root}/src/orders/${file}`).layer;
    assert.deepEqual(['useOrder.ts', 'orders.controller.ts', 'orders.resolver.ts', 'orders.module.ts', 'orders.service.ts'].map(layerOf), ['ui', 'integration', 'integration', 'integration', 'core']);
  });
});
