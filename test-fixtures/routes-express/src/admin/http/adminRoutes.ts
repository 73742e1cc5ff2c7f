import { Router, type Request, type Response } from 'express';

// Two levels of mounting: adminRouter is mounted at /admin, adminV1 inside it at /v1.
const adminV1 = Router();

adminV1.get('/users', (_req: Request, res: Response) => {
  res.json([]);
});

adminV1.delete('/users/:id', (_req: Request<{ id: string }>, res: Response) => {
  res.sendStatus(204);
});

export const adminRouter = Router();
adminRouter.use('/v1', adminV1);

adminRouter.get('/audit-log', (_req: Request, res: Response) => {
  res.json({ entries: [] });
});
