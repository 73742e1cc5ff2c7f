import { VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

export async function bootstrap(port = 3000): Promise<void> {
  const app = await NestFactory.create(AppModule);
  // 'api' is a prefix, not a version. Health and metrics stay at the root for the load balancer.
  app.setGlobalPrefix('api', { exclude: ['health', 'metrics'] });
  // URI versioning turns version '1' into a /v1 segment. No defaultVersion on purpose:
  // a controller without a version is served unversioned.
  app.enableVersioning({ type: VersioningType.URI });
  await app.listen(port);
}
