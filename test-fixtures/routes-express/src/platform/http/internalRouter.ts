import { Router, type Request, type Response } from 'express';

// Mounted without a path: these full paths are what clients call.
export const internalRouter = Router();

internalRouter.post('/internal/cache/flush', (_req: Request, res: Response) => {
  res.sendStatus(202);
});
