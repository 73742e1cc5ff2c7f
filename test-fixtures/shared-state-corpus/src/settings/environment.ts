export enum Environment {
  Development = 'development',
  Staging = 'staging',
  Production = 'production',
}

export function environmentFrom(hostname: string): Environment {
  if (hostname === 'localhost' || hostname.endsWith('.local')) return Environment.Development;
  return hostname.startsWith('staging.') ? Environment.Staging : Environment.Production;
}
