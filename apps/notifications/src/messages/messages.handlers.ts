import { Controller } from '@nestjs/common';
import { ROLES, RpcPatterns, requireRole, type ActorRequest, type ListMessagesRequest } from '@pilot/contracts';
import { OnRequest } from '@pilot/messaging';
import { MessagesService } from './messages.service';

@Controller()
export class MessagesHandlers {
  constructor(private readonly messages: MessagesService) {}

  @OnRequest(RpcPatterns.notifications.listMessages)
  list({ actor, ...request }: ActorRequest<ListMessagesRequest>) {
    return this.messages.list(requireRole(actor, ...ROLES), request);
  }

  @OnRequest(RpcPatterns.notifications.markRead)
  markRead({ actor, id }: ActorRequest<{ id: string }>) {
    return this.messages.markRead(requireRole(actor, ...ROLES), id);
  }

  @OnRequest(RpcPatterns.notifications.markAllRead)
  markAllRead({ actor }: ActorRequest) {
    return this.messages.markAllRead(requireRole(actor, ...ROLES));
  }
}
