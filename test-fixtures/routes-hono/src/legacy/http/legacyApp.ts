import { Hono } from 'hono';

// Mounted with app.route('/legacy', legacyApp): kept for the old mobile app.
export const legacyApp = new Hono();

legacyApp.get('/orders.csv', (c) => c.text('id,status\n', 200, { 'Content-Type': 'text/csv' }));
legacyApp.post('/cart/merge', (c) => c.json({ merged: true }));
// The old sign-in page and where it moved: pages for a browser, nothing to version.
legacyApp.get('/signin', (c) => c.html('<form method="post" action="/legacy/signin"></form>'));
legacyApp.get('/account', (c) => c.redirect('/account/v2'));
