import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RpcPatterns, type Actor, type InAppMessagePage } from '@pilot/contracts';
import { RpcClient } from '@pilot/messaging';
import { CurrentActor } from '../access/access.decorators';
import { PageQueryDto } from '../http/page-query.dto';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: '站内消息，最新的在前，附未读条数' })
  list(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<InAppMessagePage> {
    return this.rpc.request(RpcPatterns.notifications.listMessages, { ...query, actor });
  }

  @Post('read-all')
  @HttpCode(204)
  @ApiOperation({ summary: '全部标为已读' })
  async markAllRead(@CurrentActor() actor: Actor): Promise<void> {
    await this.rpc.request(RpcPatterns.notifications.markAllRead, { actor });
  }

  @Post(':id/read')
  @HttpCode(204)
  @ApiOperation({ summary: '标为已读' })
  async markRead(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<void> {
    await this.rpc.request(RpcPatterns.notifications.markRead, { id, actor });
  }
}
