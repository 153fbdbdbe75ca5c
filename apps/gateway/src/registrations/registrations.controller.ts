import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RpcPatterns, type Actor, type RegistrationPage, type RegistrationView } from '@pilot/contracts';
import { RpcClient } from '@pilot/messaging';
import { CurrentActor, Roles } from '../access/access.decorators';
import { Audited } from '../audit/audited';
import { revokedRegistration } from '../audit/audit-rules';
import { ListRegistrationsQuery } from './registrations.dto';

/** 院校注册: the colleges that registered in a province, which its reviewers may revoke when wrongly claimed. */
@ApiTags('registrations')
@ApiBearerAuth()
@Roles('province_reviewer', 'admin')
@Controller('registrations')
export class RegistrationsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: '本省院校注册记录（最新在前；省级审核员查看本省，平台管理员可选省份）' })
  list(@CurrentActor() actor: Actor, @Query() query: ListRegistrationsQuery): Promise<RegistrationPage> {
    return this.rpc.request(RpcPatterns.identity.listRegistrations, { ...query, actor });
  }

  @Post(':id/revoke')
  @Audited('account.disabled', { target: revokedRegistration })
  @HttpCode(200)
  @ApiOperation({ summary: '撤销冒用的院校注册：账号停用，院校可重新注册；短信通知注册手机，站内消息通知本省审核员' })
  revoke(@CurrentActor() actor: Actor, @Param('id') accountId: string): Promise<RegistrationView> {
    return this.rpc.request(RpcPatterns.identity.revokeRegistration, { accountId, actor });
  }
}
