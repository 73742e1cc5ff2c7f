export interface OrderDto {
  id: string;
  status: 'placed' | 'paid' | 'shipped' | 'cancelled';
  totalCents: number;
}
