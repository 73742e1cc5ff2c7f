import { appConfig } from '../settings/appConfig';
import { metrics } from '../analytics/metrics';
import { requestsPerIp } from '../analytics/rateLimits';
import { catalogIndex, type Product } from '../catalog';
import { rememberSearch } from './history';

export async function search(query: string, clientIp: string): Promise<Product[]> {
  requestsPerIp[clientIp] = (requestsPerIp[clientIp] ?? 0) + 1;
  metrics.searches++;
  rememberSearch(query);

  if (appConfig.searchDebug && query === ':reset-debug') {
    delete appConfig.searchDebug;
  }

  const local = catalogIndex.lookup(query);
  if (local.length > 0) return local;

  const response = await fetch(`${appConfig.apiBaseUrl}/v1/search?q=${encodeURIComponent(query)}`);
  return (await response.json()) as Product[];
}
