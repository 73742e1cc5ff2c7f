import type { Request, Response } from 'express';
import type { CurrencyCode } from '../../shared';

interface CreatePaymentLinkBody {
  orderId?: unknown;
  amountCents?: unknown;
  currency?: unknown;
  expiresInMinutes?: unknown;
}

const CURRENCIES: readonly CurrencyCode[] = ['EUR', 'USD', 'GBP', 'SEK'];
const MAX_AMOUNT_CENTS = 1_000_000_00;

function parseBody(body: CreatePaymentLinkBody) {
  const errors: string[] = [];
  const orderId = typeof body.orderId === 'string' && body.orderId.length > 0 ? body.orderId : null;
  if (!orderId) errors.push('orderId is required');
  const amount = Number(body.amountCents);
  if (!Number.isInteger(amount) || amount <= 0 || amount > MAX_AMOUNT_CENTS) errors.push('amountCents must be a positive integer');
  const currency = CURRENCIES.find((c) => c === body.currency);
  if (!currency) errors.push(`currency must be one of ${CURRENCIES.join(', ')}`);
  const requested = Number(body.expiresInMinutes ?? 60);
  const expiresInMinutes = Number.isFinite(requested) ? Math.min(Math.max(Math.round(requested), 5), 7 * 24 * 60) : 60;
  return { errors, orderId, amount, currency, expiresInMinutes };
}

async function sign(payload: string, secret: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(payload));
  return btoa(String.fromCharCode(...new Uint8Array(mac))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function paymentLinksHandler(baseUrl: string, secret: string) {
  return async function createPaymentLink(req: Request<{}, unknown, CreatePaymentLinkBody>, res: Response) {
    const parsed = parseBody(req.body ?? {});
    if (parsed.errors.length > 0) return res.status(400).json({ errors: parsed.errors });

    const expiresAt = Math.floor(Date.now() / 1000) + parsed.expiresInMinutes * 60;
    const payload = `${parsed.orderId}.${parsed.amount}.${parsed.currency}.${expiresAt}`;
    const signature = await sign(payload, secret);
    const url = `${baseUrl}/pay/${encodeURIComponent(parsed.orderId!)}?a=${parsed.amount}&c=${parsed.currency}&e=${expiresAt}&s=${signature}`;
    return res.status(201).json({ url, expiresAt: new Date(expiresAt * 1000).toISOString() });
  };
}
