import { Injectable } from '@nestjs/common';
import { ROLES, RpcPatterns, requireRole, type ActorRequest, type ListMessagesRequest } from '@pilot/contracts';
import { RpcHandler } from '@pilot/messaging';
import { MessagesService } from './messages.service';

@Injectable()
export class MessagesHandlers {
  constructor(private readonly messages: MessagesService) {}

  @RpcHandler(RpcPatterns.notifications.listMessages)
  list({ actor, ...request }: ActorRequest<ListMessagesRequest>) {
    return this.messages.list(requireRole(actor, ...ROLES), request);
  }

  @RpcHandler(RpcPatterns.notifications.markRead)
  markRead({ actor, id }: ActorRequest<{ id: string }>) {
    return this.messages.markRead(requireRole(actor, ...ROLES), id);
  }

  @RpcHandler(RpcPatterns.notifications.markAllRead)
  markAllRead({ actor }: ActorRequest) {
    return this.messages.markAllRead(requireRole(actor, ...ROLES));
  }
}
