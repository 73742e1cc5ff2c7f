import type { CreditProfile, Customer } from '../core/types';

export interface CustomerRepository {
  findById(id: string): Promise<Customer | undefined>;
  findByEmail(email: string): Promise<Customer | undefined>;
  create(customer: Omit<Customer, 'id'>): Promise<Customer>;
  update(id: string, patch: Partial<Customer>): Promise<Customer>;
  saveCreditProfile(profile: CreditProfile): Promise<void>;
  addLoyaltyPoints(customerId: string, points: number, reason: string): Promise<void>;
}

export class DuplicateEmailError extends Error {}
