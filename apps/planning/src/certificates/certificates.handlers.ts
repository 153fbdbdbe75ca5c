import { Controller } from '@nestjs/common';
import { ROLES, RpcPatterns, requireRole, type ActorRequest, type ImportRequest, type SearchCertificatesRequest } from '@pilot/contracts';
import { OnRequest } from '@pilot/messaging';
import { CertificatesService } from './certificates.service';

@Controller()
export class CertificatesHandlers {
  constructor(private readonly certificates: CertificatesService) {}

  /** Every signed-in user picks certificates from the catalogue. */
  @OnRequest(RpcPatterns.planning.searchCertificates)
  search({ actor, ...request }: ActorRequest<SearchCertificatesRequest>) {
    requireRole(actor, ...ROLES);
    return this.certificates.search(request);
  }

  @OnRequest(RpcPatterns.planning.importCertificates)
  import({ actor, rows }: ActorRequest<ImportRequest<'certificates'>>) {
    return this.certificates.import(rows, requireRole(actor, 'admin'));
  }
}
