import type { Connection } from 'mongoose';

/**
 * The record of messages a consumer has applied, in the consuming service's own store. It is
 * what makes at-least-once delivery safe: a redelivered message finds its id here and is only
 * acknowledged.
 */
export class ProcessedMessages {
  constructor(private readonly connection: Connection, private readonly collectionName = 'processed_messages') {}

  async has(consumer: string, messageId: string): Promise<boolean> {
    const found = await this.collection().findOne({ _id: key(consumer, messageId) as never }, { projection: { _id: 1 } });
    return found !== null;
  }

  async record(consumer: string, messageId: string, type: string): Promise<void> {
    await this.collection().updateOne(
      { _id: key(consumer, messageId) as never },
      { $setOnInsert: { consumer, messageId, type, processedAt: new Date() } },
      { upsert: true },
    );
  }

  private collection() {
    return this.connection.collection(this.collectionName);
  }
}

const key = (consumer: string, messageId: string) => `${consumer}:${messageId}`;
