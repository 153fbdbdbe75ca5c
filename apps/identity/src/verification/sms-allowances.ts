import { Injectable } from '@nestjs/common';
import { retryLater } from '@pilot/contracts';
import { InjectRepository, type Repository, type Stored } from '@pilot/store';
import { ExemptAddresses } from '../client-addresses/client-address';
import { AddressSends } from './address-sends.schema';
import { RecipientSends } from './recipient-sends.schema';
import { decideAddressSend, decideRecipientSend, type Refusal } from './send-allowance';

/**
 * Counts SMS code requests per client address and per phone. Each count is a write in the
 * record's turn (libs/store), decided on the record as that turn finds it: of requests arriving
 * together each sees the ones before it, so no allowance is ever given twice. A request that
 * cannot get its turn in time (a flood from one address) is refused as too frequent.
 */
@Injectable()
export class SmsAllowances {
  constructor(
    @InjectRepository(AddressSends) private readonly addresses: Repository<AddressSends>,
    @InjectRepository(RecipientSends) private readonly recipients: Repository<RecipientSends>,
    private readonly exempt: ExemptAddresses,
  ) {}

  /** One more request from this address, or a refusal saying when to try again. */
  async admitAddress(address: string, now = new Date()): Promise<void> {
    if (this.exempt.has(address)) return;
    await this.take(this.addresses, address, (current) => {
      const decision = decideAddressSend(current, now);
      return decision.allowed ? { set: { ...decision.set, lastSentAt: now } } : decision;
    });
  }

  /** One more code to this phone (or unknown account name), whatever its purpose. */
  async admitRecipient(recipient: string, now = new Date()): Promise<void> {
    await this.take(this.recipients, recipient, (current) => {
      const decision = decideRecipientSend(current, now);
      return decision.allowed ? { set: decision.set } : decision;
    });
  }

  /** The phone's holder used a code: the next one need not wait the minute. */
  async codeUsed(phone: string, now = new Date()): Promise<void> {
    await this.recipients.update(phone, { set: { lastUsedAt: now } });
  }

  private async take<T>(records: Repository<T>, id: string, decide: (current: Stored<T> | null) => { set: Partial<T> } | Refusal): Promise<void> {
    let refusal: Refusal | undefined;
    await records.upsert(
      id,
      (current) => {
        const decision = decide(current);
        refusal = 'allowed' in decision ? decision : undefined;
        return refusal ? undefined : (decision as { set: Partial<T> });
      },
      { busy: 'RATE_LIMITED' },
    );
    if (refusal) throw retryLater(refusal.code, refusal.retryAfterSeconds);
  }
}
