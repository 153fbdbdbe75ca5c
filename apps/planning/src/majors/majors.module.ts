import { DynamicModule, Module } from '@nestjs/common';
import { StoreModule } from '@pilot/store';
import { demoCatalogueSeeder, type CatalogueOptions } from '../catalogue/demo-seeding';
import { Major, MajorSchema } from './major.schema';
import { MajorsHandlers } from './majors.handlers';
import { MajorsService } from './majors.service';

@Module({})
export class MajorsModule {
  static register(options: CatalogueOptions): DynamicModule {
    // Global: applications made by major check their majors against the catalogue.
    return {
      module: MajorsModule,
      global: true,
      imports: [StoreModule.forFeature([{ name: Major.name, schema: MajorSchema }])],
      controllers: [MajorsHandlers],
      providers: [MajorsService, demoCatalogueSeeder('majors', MajorsService, options)],
      exports: [MajorsService],
    };
  }
}
