import type { Request, Response } from 'express';
import type { Shipment } from '../core/types';

interface CarrierScan {
  tracking_number: string;
  event_code: string;
  event_time: string; // "2024-05-01 13:45:00" in carrier local time
  utc_offset: string; // "+02:00"
  location?: { city?: string; country?: string };
}

export interface TrackingUpdate {
  trackingNumber: string;
  status: Shipment['status'];
  occurredAt: string;
  location?: string;
}

// Carrier event codes translated into our vocabulary (anti-corruption mapping).
const EVENT_CODE_MAP: Record<string, Shipment['status']> = {
  PU: 'in_transit',
  AR: 'in_transit',
  DF: 'in_transit',
  OD: 'out_for_delivery',
  DL: 'delivered',
  EX: 'exception',
  RT: 'exception',
  MN: 'label_created',
};

export function toTrackingUpdate(scan: CarrierScan): TrackingUpdate | null {
  const status = EVENT_CODE_MAP[scan.event_code.toUpperCase()];
  if (!status) return null;
  const occurredAt = new Date(`${scan.event_time.replace(' ', 'T')}${scan.utc_offset}`).toISOString();
  const location = [scan.location?.city, scan.location?.country].filter(Boolean).join(', ') || undefined;
  return { trackingNumber: scan.tracking_number, status, occurredAt, location };
}

export function trackingWebhook(publish: (update: TrackingUpdate) => Promise<void>) {
  return async (req: Request<{}, unknown, { scans?: CarrierScan[] }>, res: Response) => {
    const scans = Array.isArray(req.body?.scans) ? req.body.scans : [];
    if (scans.length === 0) return res.status(400).json({ error: 'no scans in payload' });
    if (scans.length > 500) return res.status(413).json({ error: 'too many scans in one request' });

    let accepted = 0;
    for (const scan of scans) {
      const update = toTrackingUpdate(scan);
      if (update) {
        await publish(update);
        accepted++;
      }
    }
    return res.status(202).json({ accepted, ignored: scans.length - accepted });
  };
}
