import { Module } from '@nestjs/common';
import { DirectoryController } from './directory.controller';
import { RegionsController } from './regions.controller';

@Module({ controllers: [RegionsController, DirectoryController] })
export class RegionsModule {}
