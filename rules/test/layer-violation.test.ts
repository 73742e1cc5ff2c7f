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

  it('counts Next.js API routes and route handlers as integration, a .ts file in a pages folder as no page, ORM entities and repositories as data, and a domain entity as core', async () => {
    const session = await scanned(
      writeWorkspace({
        'foundations.json': ORDERS,
        'src/orders/pages/index.js': "import { OrderList } from '../components/OrderList';\nexport default function Orders() { return OrderList(); }\n",
        'src/orders/components/OrderList.jsx': 'export const OrderList = () => null;\n',
        'src/orders/pages/api/pay.ts': "import { Pool } from 'pg';\nexport default async function pay() { return new Pool().query('select 1'); }\n",
        'src/orders/pages/api/refund.js': 'export default function refund(req, res) { res.json({}); }\n',
        // EverShop: a handler, and a helper the page's components import.
        'src/orders/pages/admin/orderEdit/index.ts': "export default (request: unknown, response: unknown) => ({ request, response });\n",
        'src/orders/pages/admin/orderEdit/carrierCaps.ts': "export const carrierCaps = { dhl: ['tracking'] };\n",
        'src/orders/pages/admin/orderEdit/Shipments.tsx': "import { carrierCaps } from './carrierCaps';\nexport const Shipments = () => carrierCaps.dhl;\n",
        'src/orders/app/api/orders/route.ts': 'export async function GET() { return Response.json([]); }\n',
        'src/orders/order.entity.ts': "import { Entity } from 'typeorm';\n@Entity()\nexport class OrderEntity {}\n",
        'src/orders/order.repository.ts': "import { OrderEntity } from './order.entity';\nexport const repository = [OrderEntity];\n",
        'src/orders/domain/invoice.entity.ts': 'export class Invoice { total = 0; }\n',
        'src/orders/home/home.page.ts': 'export class HomePage {}\n',
      }),
    );
    const layerOf = (file: string) => `${file}: ${session.workspaceModel.membership(`${session.root}/src/orders/${file}`).layer}`;
    assert.deepEqual(
      ['pages/index.js', 'pages/api/pay.ts', 'pages/api/refund.js', 'pages/admin/orderEdit/index.ts', 'app/api/orders/route.ts', 'order.entity.ts', 'order.repository.ts', 'domain/invoice.entity.ts', 'home/home.page.ts'].map(layerOf),
      [
        'pages/index.js: ui',
        'pages/api/pay.ts: integration',
        'pages/api/refund.js: integration',
        'pages/admin/orderEdit/index.ts: core',
        'app/api/orders/route.ts: integration',
        'order.entity.ts: data',
        'order.repository.ts: data',
        'domain/invoice.entity.ts: core',
        'home/home.page.ts: ui',
      ],
    );
    // pay.ts is integration, which may not use pg either, but it is no longer told it sits in the ui layer; the entity may.
    assert.deepEqual(brief(session), ['database-access-outside-data-layer src/orders/pages/api/pay.ts:1:22']);
  });
});
