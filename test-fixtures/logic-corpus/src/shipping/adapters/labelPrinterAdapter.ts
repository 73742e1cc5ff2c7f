import type { Shipment } from '../core/types';

export interface LabelPrinterConfig {
  host: string;
  port: number;
  dpi: 203 | 300;
  labelWidthMm: number;
  labelHeightMm: number;
}

interface LabelContent {
  recipientLines: string[];
  trackingNumber: string;
  carrier: string;
  reference: string;
}

/** Renders ZPL for the warehouse thermal printers and sends it over their HTTP bridge. */
export class LabelPrinterAdapter {
  constructor(private readonly config: LabelPrinterConfig) {}

  private dots(mm: number): number {
    return Math.round((mm / 25.4) * this.config.dpi);
  }

  toZpl(content: LabelContent): string {
    const margin = this.dots(4);
    const lineHeight = this.dots(6);
    const width = this.dots(this.config.labelWidthMm);
    const lines = content.recipientLines
      .slice(0, 5)
      .map((line, i) => `^FO${margin},${margin + i * lineHeight}^A0N,${lineHeight - 8},${lineHeight - 8}^FD${line.replace(/[\^~]/g, '')}^FS`);
    const barcodeY = this.dots(this.config.labelHeightMm) - this.dots(35);
    return [
      '^XA',
      `^PW${width}`,
      ...lines,
      `^FO${margin},${barcodeY}^BY3^BCN,${this.dots(20)},Y,N,N^FD${content.trackingNumber}^FS`,
      `^FO${width - this.dots(30)},${margin}^A0N,40,40^FD${content.carrier.toUpperCase()}^FS`,
      `^FO${margin},${barcodeY - lineHeight}^A0N,24,24^FDRef ${content.reference}^FS`,
      '^XZ',
    ].join('\n');
  }

  async print(shipment: Shipment, recipientLines: string[]): Promise<void> {
    if (!shipment.trackingNumber) throw new Error(`shipment ${shipment.id} has no tracking number yet`);
    const zpl = this.toZpl({ recipientLines, trackingNumber: shipment.trackingNumber, carrier: shipment.carrier, reference: shipment.orderId });
    const response = await fetch(`http://${this.config.host}:${this.config.port}/pstprnt`, { method: 'POST', body: zpl });
    if (!response.ok) throw new Error(`printer responded ${response.status}`);
  }
}
