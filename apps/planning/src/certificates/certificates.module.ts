import { DynamicModule, Module } from '@nestjs/common';
import { StoreModule } from '@pilot/store';
import { demoCatalogueSeeder, type CatalogueOptions } from '../catalogue/demo-seeding';
import { Certificate, CertificateSchema } from './certificate.schema';
import { CertificatesHandlers } from './certificates.handlers';
import { CertificatesService } from './certificates.service';

@Module({})
export class CertificatesModule {
  static register(options: CatalogueOptions): DynamicModule {
    // Global: plans check their certificates against the catalogue and show their names.
    return {
      module: CertificatesModule,
      global: true,
      imports: [StoreModule.forFeature([{ name: Certificate.name, schema: CertificateSchema }])],
      controllers: [CertificatesHandlers],
      providers: [CertificatesService, demoCatalogueSeeder('certificates', CertificatesService, options)],
      exports: [CertificatesService],
    };
  }
}
