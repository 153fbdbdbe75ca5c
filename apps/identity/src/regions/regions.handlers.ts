import { Injectable } from '@nestjs/common';
import { RpcPatterns } from '@pilot/contracts';
import { RpcHandler } from '@pilot/messaging';
import { RegionsService } from './regions.service';

@Injectable()
export class RegionsHandlers {
  constructor(private readonly regions: RegionsService) {}

  @RpcHandler(RpcPatterns.identity.listProvinces)
  listProvinces() {
    return this.regions.listProvinces();
  }

  @RpcHandler(RpcPatterns.identity.listCities)
  listCities({ provinceCode }: { provinceCode: string }) {
    return this.regions.listCities(provinceCode);
  }
}
