export interface CurrentUser {
  profile: { customerId: string | null; displayName: string; tier: 'bronze' | 'silver' | 'gold' };
  permissions: string[];
}

export const currentUser: CurrentUser = {
  profile: { customerId: null, displayName: 'Guest', tier: 'bronze' },
  permissions: [],
};
