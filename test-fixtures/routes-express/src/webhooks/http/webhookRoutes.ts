import { raw, type Application, type Request, type Response } from 'express';

/** Registers provider callbacks directly on the app (no router, no prefix). */
export function registerWebhooks(app: Application): void {
  app.post('/webhooks/stripe', raw({ type: 'application/json' }), (req: Request, res: Response) => {
    if (!req.header('stripe-signature')) return res.sendStatus(400);
    return res.json({ received: true });
  });

  app.post('/v1/webhooks/carrier', (req: Request<{}, unknown, { events?: unknown[] }>, res: Response) => {
    res.status(202).json({ accepted: req.body.events?.length ?? 0 });
  });
}
