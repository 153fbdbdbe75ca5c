import { DynamicModule, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import type { CatalogueOptions } from '../catalogue/demo-seeding';
import { Certificate, CertificateSchema } from './certificate.schema';
import { CertificatesHandlers } from './certificates.handlers';
import { CertificatesService } from './certificates.service';
import { CERTIFICATES_OPTIONS, DemoCertificatesSeeder } from './demo-certificates.seeder';

@Module({})
export class CertificatesModule {
  static register(options: CatalogueOptions): DynamicModule {
    // Global: plans check their certificates against the catalogue and show their names.
    return {
      module: CertificatesModule,
      global: true,
      imports: [MongooseModule.forFeature([{ name: Certificate.name, schema: CertificateSchema }])],
      providers: [{ provide: CERTIFICATES_OPTIONS, useValue: options }, CertificatesService, CertificatesHandlers, DemoCertificatesSeeder],
      exports: [CertificatesService],
    };
  }
}
