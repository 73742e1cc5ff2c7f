// Minimal ambient stub of axios.
declare module 'axios' {
  export interface AxiosRequestConfig {
    baseURL?: string;
    timeout?: number;
    headers?: Record<string, string>;
    params?: Record<string, string | number | boolean | undefined>;
    signal?: AbortSignal;
  }
  export interface AxiosResponse<T = unknown> {
    data: T;
    status: number;
    headers: Record<string, string | undefined>;
  }
  export interface AxiosError<T = unknown> extends Error {
    code?: string;
    response?: AxiosResponse<T>;
    isAxiosError: true;
  }
  export interface AxiosInstance {
    get<T = unknown>(url: string, config?: AxiosRequestConfig): Promise<AxiosResponse<T>>;
    delete<T = unknown>(url: string, config?: AxiosRequestConfig): Promise<AxiosResponse<T>>;
    post<T = unknown>(url: string, data?: unknown, config?: AxiosRequestConfig): Promise<AxiosResponse<T>>;
    put<T = unknown>(url: string, data?: unknown, config?: AxiosRequestConfig): Promise<AxiosResponse<T>>;
  }
  export function isAxiosError<T = unknown>(error: unknown): error is AxiosError<T>;
  interface AxiosStatic extends AxiosInstance {
    create(config?: AxiosRequestConfig): AxiosInstance;
    isAxiosError<T = unknown>(error: unknown): error is AxiosError<T>;
  }
  const axios: AxiosStatic;
  export default axios;
}
