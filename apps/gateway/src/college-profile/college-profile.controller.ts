import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RpcPatterns, type Actor, type CollegeProfileView } from '@pilot/contracts';
import { RpcClient } from '@pilot/messaging';
import { CurrentActor, Roles } from '../access/access.decorators';
import { Audited } from '../audit/audited';
import { collegeProfile } from '../audit/audit-rules';
import { CollegeProfileDto } from './college-profile.dto';

@ApiTags('college')
@ApiBearerAuth()
@Roles('college')
@Controller('college/profile')
export class CollegeProfileController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: '本院校基础信息' })
  get(@CurrentActor() actor: Actor): Promise<CollegeProfileView> {
    return this.rpc.request(RpcPatterns.identity.getProfile, { actor });
  }

  @Put()
  @ApiOperation({ summary: '完善或修改本院校基础信息' })
  @Audited('college.profile-saved', { target: collegeProfile })
  save(@CurrentActor() actor: Actor, @Body() profile: CollegeProfileDto): Promise<CollegeProfileView> {
    return this.rpc.request(RpcPatterns.identity.saveProfile, { actor, profile });
  }
}
