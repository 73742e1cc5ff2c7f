import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';

@Controller('webhooks')
export class WebhooksController {
  @Post('stripe')
  @HttpCode(200)
  stripe(@Headers('stripe-signature') signature: string | undefined, @Body() _event: unknown) {
    return { received: Boolean(signature) };
  }
}
