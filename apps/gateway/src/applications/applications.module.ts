import { Module } from '@nestjs/common';
import { FilesModule } from '../files/files.module';
import { ApplicationsController } from './applications.controller';

@Module({ imports: [FilesModule], controllers: [ApplicationsController] })
export class ApplicationsModule {}
