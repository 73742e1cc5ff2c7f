/** Customers who may not check out until support clears them. */
export const blockedCustomerIds = new Set<string>();

export function isBlocked(customerId: string): boolean {
  return blockedCustomerIds.has(customerId);
}
