// Minimal ambient stub of @nestjs/common.
declare module '@nestjs/common' {
  export type ControllerOptions = { path?: string | string[]; version?: string | string[] | symbol; host?: string };
  export function Controller(prefix?: string | string[]): ClassDecorator;
  export function Controller(options: ControllerOptions): ClassDecorator;
  export function Injectable(options?: { scope?: unknown }): ClassDecorator;
  export function Module(metadata: { imports?: unknown[]; controllers?: unknown[]; providers?: unknown[]; exports?: unknown[] }): ClassDecorator;
  export function Get(path?: string | string[]): MethodDecorator;
  export function Post(path?: string | string[]): MethodDecorator;
  export function Put(path?: string | string[]): MethodDecorator;
  export function Patch(path?: string | string[]): MethodDecorator;
  export function Delete(path?: string | string[]): MethodDecorator;
  export function All(path?: string | string[]): MethodDecorator;
  export function HttpCode(statusCode: number): MethodDecorator;
  export function Header(name: string, value: string): MethodDecorator;
  export function Render(template: string): MethodDecorator;
  export function Redirect(url?: string, statusCode?: number): MethodDecorator;
  export function Version(version: string | string[] | symbol): MethodDecorator;
  export function UseGuards(...guards: unknown[]): MethodDecorator & ClassDecorator;
  export function Body(property?: string): ParameterDecorator;
  export function Param(property?: string): ParameterDecorator;
  export function Query(property?: string): ParameterDecorator;
  export function Headers(property?: string): ParameterDecorator;
  export function Req(): ParameterDecorator;
  export const VERSION_NEUTRAL: unique symbol;
  export enum VersioningType { URI = 0, HEADER = 1, MEDIA_TYPE = 2, CUSTOM = 3 }
  export enum HttpStatus { OK = 200, CREATED = 201, ACCEPTED = 202, NO_CONTENT = 204, BAD_REQUEST = 400, NOT_FOUND = 404, CONFLICT = 409, UNPROCESSABLE_ENTITY = 422 }
  export class HttpException extends Error {
    constructor(response: string | Record<string, unknown>, status: number);
    getStatus(): number;
  }
  export class BadRequestException extends HttpException { constructor(message?: string | Record<string, unknown>) }
  export class NotFoundException extends HttpException { constructor(message?: string | Record<string, unknown>) }
  export class ConflictException extends HttpException { constructor(message?: string | Record<string, unknown>) }
  export class ForbiddenException extends HttpException { constructor(message?: string | Record<string, unknown>) }
  export class UnprocessableEntityException extends HttpException { constructor(message?: string | Record<string, unknown>) }
  export class Logger {
    constructor(context?: string);
    log(message: string, ...meta: unknown[]): void;
    warn(message: string, ...meta: unknown[]): void;
    error(message: string, ...meta: unknown[]): void;
  }
}

declare module '@nestjs/core' {
  import type { VersioningType } from '@nestjs/common';
  export interface INestApplication {
    setGlobalPrefix(prefix: string, options?: { exclude?: string[] }): this;
    enableVersioning(options: { type: VersioningType; defaultVersion?: string | string[]; prefix?: string }): this;
    listen(port: number): Promise<void>;
  }
  export const NestFactory: {
    create(module: unknown): Promise<INestApplication>;
  };
}
