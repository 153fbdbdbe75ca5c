import { Controller } from '@nestjs/common';
import { ROLES, RpcPatterns, requireRole, type ActorRequest, type ImportRequest, type SearchMajorsRequest } from '@pilot/contracts';
import { OnRequest } from '@pilot/messaging';
import { MajorsService } from './majors.service';

@Controller()
export class MajorsHandlers {
  constructor(private readonly majors: MajorsService) {}

  /** Every signed-in user picks majors from the catalogue. */
  @OnRequest(RpcPatterns.planning.searchMajors)
  search({ actor, ...request }: ActorRequest<SearchMajorsRequest>) {
    requireRole(actor, ...ROLES);
    return this.majors.search(request);
  }

  @OnRequest(RpcPatterns.planning.importMajors)
  import({ actor, rows }: ActorRequest<ImportRequest<'majors'>>) {
    return this.majors.import(rows, requireRole(actor, 'admin'));
  }
}
