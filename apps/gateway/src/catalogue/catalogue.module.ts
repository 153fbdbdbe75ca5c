import { Module } from '@nestjs/common';
import { CertificatesController } from './certificates.controller';
import { MajorsController } from './majors.controller';

@Module({ controllers: [CertificatesController, MajorsController] })
export class CatalogueModule {}
