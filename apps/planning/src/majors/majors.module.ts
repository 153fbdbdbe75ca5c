import { DynamicModule, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
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
      imports: [MongooseModule.forFeature([{ name: Major.name, schema: MajorSchema }])],
      controllers: [MajorsHandlers],
      providers: [MajorsService, demoCatalogueSeeder('majors', Major.name, MajorsService, options)],
      exports: [MajorsService],
    };
  }
}
