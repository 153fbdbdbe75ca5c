import { Injectable } from '@nestjs/common';
import { RpcPatterns, type SearchCollegesRequest } from '@pilot/contracts';
import { RpcHandler } from '@pilot/messaging';
import { DirectoryService } from './directory.service';

@Injectable()
export class DirectoryHandlers {
  constructor(private readonly directory: DirectoryService) {}

  @RpcHandler(RpcPatterns.identity.searchColleges)
  searchColleges(request: SearchCollegesRequest) {
    return this.directory.search(request);
  }
}
