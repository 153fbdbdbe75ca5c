import { Controller, Inject } from '@nestjs/common';
import { PlatformError, RpcPatterns, requireRole, type ActorRequest, type ImportRequest, type ListDirectoryRequest, type SearchCollegesRequest } from '@pilot/contracts';
import { OnRequest } from '@pilot/messaging';
import { DIRECTORY_OPTIONS, type DirectoryOptions } from './demo-directory.seeder';
import { DirectoryImport } from './directory-import';
import { DirectoryService } from './directory.service';

@Controller()
export class DirectoryHandlers {
  constructor(
    private readonly directory: DirectoryService,
    private readonly directoryImport: DirectoryImport,
    @Inject(DIRECTORY_OPTIONS) private readonly options: DirectoryOptions,
  ) {}

  @OnRequest(RpcPatterns.identity.searchColleges)
  searchColleges(request: SearchCollegesRequest) {
    return this.directory.search(request);
  }

  @OnRequest(RpcPatterns.identity.listDirectory)
  listDirectory({ actor, ...request }: ActorRequest<ListDirectoryRequest>) {
    return this.directory.list(actor, request);
  }

  /** Refused here too when the development tools are off, whatever the gateway does. */
  @OnRequest(RpcPatterns.identity.addTestCollege)
  addTestCollege({ provinceCode }: { provinceCode: string }) {
    if (!this.options.devTools) throw new PlatformError('NOT_FOUND');
    return this.directory.addTestCollege(provinceCode);
  }

  @OnRequest(RpcPatterns.identity.importColleges)
  importColleges({ actor, rows }: ActorRequest<ImportRequest<'colleges'>>) {
    return this.directoryImport.importColleges(rows, requireRole(actor, 'admin'));
  }
}
