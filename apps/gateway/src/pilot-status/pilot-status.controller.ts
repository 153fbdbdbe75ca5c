import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RpcPatterns, type Actor, type PilotStatusView } from '@pilot/contracts';
import { RpcClient } from '@pilot/messaging';
import { CurrentActor, Roles } from '../access/access.decorators';

@ApiTags('college')
@ApiBearerAuth()
@Roles('college')
@Controller('college/pilot-status')
export class PilotStatusController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: '试点院校资格：各年度是否为试点院校、通过审批的证书数及原因' })
  list(@CurrentActor() actor: Actor): Promise<PilotStatusView[]> {
    return this.rpc.request(RpcPatterns.identity.pilotStatus, { actor });
  }
}
