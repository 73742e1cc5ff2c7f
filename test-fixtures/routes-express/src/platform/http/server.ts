import express, { json, type Request, type Response } from 'express';
import { adminRouter } from '../../admin/http/adminRoutes';
import { catalogRouterV2 } from '../../catalog/http/catalogRouter';
import { legacyExportRouter } from '../../legacy/http/exportRouter';
import { ordersRouter } from '../../orders/http/ordersRouter';
import { registerWebhooks } from '../../webhooks/http/webhookRoutes';
import { internalRouter } from './internalRouter';

const API_V1 = '/api/v1';

export function createServer() {
  const app = express();
  app.use(json({ limit: '1mb' }));

  // Operational endpoints for the load balancer and Prometheus.
  app.get('/health', (_req: Request, res: Response) => {
    res.json({ status: 'ok' });
  });
  app.get('/metrics', (_req: Request, res: Response) => {
    res.set('Content-Type', 'text/plain; version=0.0.4');
    res.send('# no metrics yet\n');
  });

  app.get('/v1/ping', (_req: Request, res: Response) => {
    res.send('pong');
  });
  app.get('/status', (_req: Request, res: Response) => {
    res.json({ incidents: [] });
  });
  app.get('/api/version', (_req: Request, res: Response) => {
    res.json({ build: '2024.05.1' });
  });

  app.post(`${API_V1}/feedback`, (req: Request<{}, unknown, { message?: string }>, res: Response) => {
    res.status(201).json({ received: Boolean(req.body.message) });
  });

  app
    .route('/api/users/:id')
    .get((req: Request<{ id: string }>, res: Response) => {
      res.json({ id: req.params.id });
    })
    .put((_req: Request<{ id: string }>, res: Response) => {
      res.sendStatus(204);
    });

  app.use(API_V1, ordersRouter);
  app.use('/api/v2/catalog', catalogRouterV2());
  app.use('/reports', legacyExportRouter);
  app.use('/admin', adminRouter);
  app.use(internalRouter);
  registerWebhooks(app);

  return app;
}
