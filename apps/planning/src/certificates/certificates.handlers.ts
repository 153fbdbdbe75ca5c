import { Injectable } from '@nestjs/common';
import { ROLES, RpcPatterns, requireRole, type ActorRequest, type ImportRequest, type SearchCertificatesRequest } from '@pilot/contracts';
import { RpcHandler } from '@pilot/messaging';
import { CertificatesService } from './certificates.service';

@Injectable()
export class CertificatesHandlers {
  constructor(private readonly certificates: CertificatesService) {}

  /** Every signed-in user picks certificates from the catalogue. */
  @RpcHandler(RpcPatterns.planning.searchCertificates)
  search({ actor, ...request }: ActorRequest<SearchCertificatesRequest>) {
    requireRole(actor, ...ROLES);
    return this.certificates.search(request);
  }

  @RpcHandler(RpcPatterns.planning.importCertificates)
  import({ actor, rows }: ActorRequest<ImportRequest<'certificates'>>) {
    return this.certificates.import(rows, requireRole(actor, 'admin'));
  }
}
