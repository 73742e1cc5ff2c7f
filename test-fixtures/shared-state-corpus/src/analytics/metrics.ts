export const metrics = {
  searches: 0,
  checkouts: 0,
  failedPayments: 0,
};

export function snapshot(): Readonly<typeof metrics> {
  return { ...metrics };
}
