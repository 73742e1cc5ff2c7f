/** Requests seen per client IP in the current minute window. */
export const requestsPerIp: Record<string, number> = {};

export function isOverLimit(ip: string, limit = 120): boolean {
  return (requestsPerIp[ip] ?? 0) > limit;
}
