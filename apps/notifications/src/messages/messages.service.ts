import { Injectable } from '@nestjs/common';
import { PlatformError, type Actor, type InAppMessagePage, type InAppMessageView, type ListMessagesRequest } from '@pilot/contracts';
import { InjectRepository, pageWindow, type Repository } from '@pilot/store';
import { InAppMessage } from './in-app-message.schema';

export type NewInAppMessage = Omit<InAppMessage, 'read'>;

/** A college's messages in the platform: written from events, read and marked by its accounts. */
@Injectable()
export class MessagesService {
  constructor(@InjectRepository(InAppMessage) private readonly messages: Repository<InAppMessage>) {}

  /** Writes the message once: written again under the same id, the first one (and its read mark) stays. */
  async deliver(message: NewInAppMessage): Promise<void> {
    await this.messages.upsert(message._id, (current) => (current ? undefined : { set: { ...message, read: false } }));
  }

  /** Newest first, with the count of unread ones. Colleges and province reviewers receive messages. */
  async list(actor: Actor, request: ListMessagesRequest): Promise<InAppMessagePage> {
    const recipient = recipientOf(actor);
    if (!recipient) {
      const { page, pageSize } = pageWindow(request);
      return { items: [], total: 0, page, pageSize, unread: 0 };
    }
    const [found, unread] = await Promise.all([this.messages.page({ recipient }, { ...request, sort: { createdAt: -1, _id: -1 } }), this.messages.count({ recipient, read: false })]);
    return { ...found, items: found.items.map(viewOf), unread };
  }

  /** Someone else's message is answered as unknown, so that ids reveal nothing. */
  async markRead(actor: Actor, id: unknown): Promise<void> {
    const recipient = recipientOf(actor);
    if (!recipient || typeof id !== 'string') throw new PlatformError('NOT_FOUND');
    if (!(await this.messages.get(id, { recipient }))) throw new PlatformError('NOT_FOUND');
    await this.messages.update(id, (message) => (message.read ? undefined : { set: { read: true } }));
  }

  async markAllRead(actor: Actor): Promise<void> {
    const recipient = recipientOf(actor);
    if (recipient) await this.messages.updateEach({ recipient, read: false }, (message) => (message.read ? undefined : { set: { read: true } }));
  }
}

/** Whom the messages to a province's reviewers are addressed to. */
export function provinceReviewersOf(provinceCode: string): string {
  return `province-reviewers:${provinceCode}`;
}

function recipientOf(actor: Actor): string | undefined {
  if (actor.role === 'college') return actor.collegeId;
  if (actor.role === 'province_reviewer' && actor.provinceCode) return provinceReviewersOf(actor.provinceCode);
  return undefined;
}

function viewOf(message: InAppMessage): InAppMessageView {
  return {
    id: message._id,
    title: message.title,
    body: message.body,
    createdAt: message.createdAt.toISOString(),
    read: message.read,
    ...(message.applicationId ? { applicationId: message.applicationId } : {}),
    ...(message.collegeId ? { collegeId: message.collegeId } : {}),
  };
}
