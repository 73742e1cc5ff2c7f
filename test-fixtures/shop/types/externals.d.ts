// Stand-ins for the third-party packages, so the fixture type-checks without installing them.
declare module 'pg' {
  export class Pool {
    query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  }
}
declare module 'stripe' {
  export default class Stripe {
    constructor(key: string);
    charges: { create(input: { amount: number; currency: string }): Promise<{ id: string }> };
  }
}
declare module 'react' {
  export function useState<T>(initial: T): [T, (v: T) => void];
}
declare module 'react/jsx-runtime' {
  export const jsx: unknown;
  export const jsxs: unknown;
}
declare namespace JSX {
  interface IntrinsicElements {
    [name: string]: unknown;
  }
}
