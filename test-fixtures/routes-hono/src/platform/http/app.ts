import { Hono } from 'hono';
import { catalogApp } from '../../catalog/http/catalogApp';
import { legacyApp } from '../../legacy/http/legacyApp';
import { ordersApi } from '../../orders/http/ordersApi';
import { registerSearch } from '../../search/http/searchRoutes';

export const app = new Hono();

app.get('/health', (c) => c.json({ status: 'ok' }));
app.get('/metrics', (c) => c.text('# metrics\n'));

app.get('/api/users', (c) => c.json([]));
app.all('/webhooks/:provider', (c) => c.json({ provider: c.req.param('provider') }, 202));

app.route('/', ordersApi);
app.route('/v2', catalogApp);
app.route('/legacy', legacyApp);
registerSearch(app);

export default app;
