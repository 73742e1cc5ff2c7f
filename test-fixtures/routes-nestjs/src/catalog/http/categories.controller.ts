import { Controller, Get, Param, Version } from '@nestjs/common';

// No version on the controller: only the method with @Version('2') is versioned.
@Controller('categories')
export class CategoriesController {
  @Get()
  list() {
    return ['apparel', 'home', 'accessories'];
  }

  @Version('2')
  @Get(':slug')
  bySlug(@Param('slug') slug: string) {
    return { slug, children: [] };
  }
}
