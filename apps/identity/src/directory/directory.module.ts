import { DynamicModule, Module } from '@nestjs/common';
import { StoreModule } from '@pilot/store';
import { RegionsModule } from '../regions/regions.module';
import { College, CollegeSchema } from './college.schema';
import { DIRECTORY_OPTIONS, DemoDirectorySeeder, type DirectoryOptions } from './demo-directory.seeder';
import { DirectoryHandlers } from './directory.handlers';
import { DirectoryImport } from './directory-import';
import { DirectoryService } from './directory.service';

@Module({})
export class DirectoryModule {
  static register(options: DirectoryOptions): DynamicModule {
    // Global: registration, sign-in and profiles all look colleges up.
    return {
      module: DirectoryModule,
      global: true,
      imports: [RegionsModule, StoreModule.forFeature([{ name: College.name, schema: CollegeSchema }])],
      controllers: [DirectoryHandlers],
      providers: [{ provide: DIRECTORY_OPTIONS, useValue: options }, DirectoryService, DirectoryImport, DemoDirectorySeeder],
      exports: [DirectoryService],
    };
  }
}
