import type { Hono } from 'hono';

/** Registers search endpoints directly on the app it is given. */
export function registerSearch(app: Hono): void {
  app.on(['GET', 'POST'], '/v1/search', async (c) => c.json({ query: c.req.query('q') ?? '', hits: [] }));
  app.get('/suggest', (c) => c.json({ suggestions: [] }));
}
