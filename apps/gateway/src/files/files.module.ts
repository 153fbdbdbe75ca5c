import { Module } from '@nestjs/common';
import { EvidenceFiles } from './evidence-files.service';
import { FilesController } from './files.controller';

/** Evidence files (其他佐证材料); other modules import it to check the files an application names. */
@Module({ controllers: [FilesController], providers: [EvidenceFiles], exports: [EvidenceFiles] })
export class FilesModule {}
