import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { PlatformError, type Actor, type InAppMessagePage, type InAppMessageView, type ListMessagesRequest } from '@pilot/contracts';
import { isDuplicateKeyError, pageWindow } from '@pilot/runtime';
import type { Model } from 'mongoose';
import { InAppMessage } from './in-app-message.schema';

export type NewInAppMessage = Omit<InAppMessage, 'read'>;

/** A college's messages in the platform: written from events, read and marked by its accounts. */
@Injectable()
export class MessagesService {
  constructor(@InjectModel(InAppMessage.name) private readonly messages: Model<InAppMessage>) {}

  /** Writes the message once: written again under the same id, the first one (and its read mark) stays. */
  async deliver(message: NewInAppMessage): Promise<void> {
    try {
      await this.messages.create({ ...message, read: false });
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
  }

  /** Newest first, with the count of unread ones. Only colleges receive messages for now. */
  async list(actor: Actor, request: ListMessagesRequest): Promise<InAppMessagePage> {
    const { page, pageSize, skip } = pageWindow(request);
    const recipient = recipientOf(actor);
    if (!recipient) return { items: [], total: 0, page, pageSize, unread: 0 };
    const [total, unread, found] = await Promise.all([
      this.messages.countDocuments({ recipient }),
      this.messages.countDocuments({ recipient, read: false }),
      this.messages.find({ recipient }).sort({ createdAt: -1, _id: -1 }).skip(skip).limit(pageSize).lean(),
    ]);
    return { items: found.map(viewOf), total, page, pageSize, unread };
  }

  /** Someone else's message is answered as unknown, so that ids reveal nothing. */
  async markRead(actor: Actor, id: unknown): Promise<void> {
    const recipient = recipientOf(actor);
    if (!recipient || typeof id !== 'string') throw new PlatformError('NOT_FOUND');
    const result = await this.messages.updateOne({ _id: id, recipient }, { $set: { read: true } });
    if (result.matchedCount === 0) throw new PlatformError('NOT_FOUND');
  }

  async markAllRead(actor: Actor): Promise<void> {
    const recipient = recipientOf(actor);
    if (recipient) await this.messages.updateMany({ recipient, read: false }, { $set: { read: true } });
  }
}

function recipientOf(actor: Actor): string | undefined {
  return actor.role === 'college' ? actor.collegeId : undefined;
}

function viewOf(message: InAppMessage): InAppMessageView {
  return {
    id: message._id,
    title: message.title,
    body: message.body,
    createdAt: message.createdAt.toISOString(),
    read: message.read,
    ...(message.applicationId ? { applicationId: message.applicationId } : {}),
  };
}
