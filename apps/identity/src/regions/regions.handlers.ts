import { Controller } from '@nestjs/common';
import { RpcPatterns } from '@pilot/contracts';
import { OnRequest } from '@pilot/messaging';
import { RegionsService } from './regions.service';

@Controller()
export class RegionsHandlers {
  constructor(private readonly regions: RegionsService) {}

  @OnRequest(RpcPatterns.identity.listProvinces)
  listProvinces() {
    return this.regions.listProvinces();
  }

  @OnRequest(RpcPatterns.identity.listCities)
  listCities({ provinceCode }: { provinceCode: string }) {
    return this.regions.listCities(provinceCode);
  }
}
