import { Injectable } from '@nestjs/common';
import { ROLES, RpcPatterns, requireRole, type ActorRequest, type ImportRequest, type SearchMajorsRequest } from '@pilot/contracts';
import { RpcHandler } from '@pilot/messaging';
import { MajorsService } from './majors.service';

@Injectable()
export class MajorsHandlers {
  constructor(private readonly majors: MajorsService) {}

  /** Every signed-in user picks majors from the catalogue. */
  @RpcHandler(RpcPatterns.planning.searchMajors)
  search({ actor, ...request }: ActorRequest<SearchMajorsRequest>) {
    requireRole(actor, ...ROLES);
    return this.majors.search(request);
  }

  @RpcHandler(RpcPatterns.planning.importMajors)
  import({ actor, rows }: ActorRequest<ImportRequest<'majors'>>) {
    return this.majors.import(rows, requireRole(actor, 'admin'));
  }
}
