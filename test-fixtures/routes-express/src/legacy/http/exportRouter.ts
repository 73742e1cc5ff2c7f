import { Router, type Request, type Response } from 'express';

// CSV exports used by the finance team's spreadsheets since 2019; mounted at /reports.
export const legacyExportRouter = Router();

legacyExportRouter.get('/orders.csv', (_req: Request, res: Response) => {
  res.set('Content-Type', 'text/csv');
  res.send('id,status,total\n');
});

legacyExportRouter.get('/customers.csv', (_req: Request, res: Response) => {
  res.set('Content-Type', 'text/csv');
  res.send('id,email\n');
});
