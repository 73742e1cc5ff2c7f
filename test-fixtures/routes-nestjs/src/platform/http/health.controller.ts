import { Controller, Get } from '@nestjs/common';

@Controller('health')
export class HealthController {
  @Get()
  check() {
    return { status: 'ok' };
  }
}

@Controller()
export class MetricsController {
  @Get('metrics')
  metrics() {
    return '# metrics\n';
  }
}
