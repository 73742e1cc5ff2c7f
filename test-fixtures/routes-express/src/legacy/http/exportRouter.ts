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

// The page the finance team opens in a browser, and the bookmark of its old address.
legacyExportRouter.get('/', (_req: Request, res: Response) => {
  res.status(200).render('exports', { files: ['orders.csv', 'customers.csv'] });
});

legacyExportRouter.get('/index.html', (_req: Request, res: Response) => res.redirect(301, '/reports'));
