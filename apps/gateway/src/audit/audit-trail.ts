import { Injectable, Logger } from '@nestjs/common';
import { isAuditAction } from '@pilot/contracts';
import { InjectRepository, type New, type Repository } from '@pilot/store';
import { AuditEntry } from './audit-entry.schema';
import type { AuditRule, AuditedCall } from './audited';
import { secretsOf, withoutSecrets } from './secrets';

/** Where a call came from, as the gateway saw it. */
export interface CallOrigin {
  address: string;
  correlationId: string;
  /** The Authorization header, only to keep its token out of the entry. */
  authorization?: string;
}

/** Labels and names are the people's own text: enough to recognise, never a whole document. */
const LONGEST_TEXT = 200;

/**
 * The answer waits this long for its entry to be stored; a slower store (restarting, say) gets
 * the entry in the background, so a change that has happened is answered all the same.
 */
const WRITE_WAIT_MS = 2_000;

/** Writes the audit log. Entries are only ever created: nothing here changes or removes one. */
@Injectable()
export class AuditTrail {
  private readonly logger = new Logger('AuditTrail');

  constructor(@InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>) {}

  /** Records the call's outcome. Never fails the call: a failure to store is logged with the whole entry. */
  async record(rule: AuditRule<any>, call: AuditedCall<any>, origin: CallOrigin, errorCode?: string): Promise<void> {
    let entry: New<AuditEntry> | undefined;
    try {
      entry = this.entryOf(rule, call, origin, errorCode);
    } catch (err) {
      this.logger.error({ msg: 'audit rule failed', error: (err as Error).message });
      return;
    }
    if (!entry) return;
    const stored = entry;
    const writing = this.entries.create(stored).then(
      () => undefined,
      (err: Error) => this.logger.error({ msg: 'audit entry not stored', error: err.message, entry: stored }),
    );
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([writing, new Promise((resolve) => (timer = setTimeout(resolve, WRITE_WAIT_MS).unref()))]);
    clearTimeout(timer);
  }

  private entryOf(rule: AuditRule<any>, call: AuditedCall<any>, origin: CallOrigin, errorCode?: string): New<AuditEntry> | undefined {
    const action = typeof rule.action === 'function' ? rule.action(call) : rule.action;
    if (!isAuditAction(action)) {
      this.logger.warn({ msg: 'audited call without a known action', action });
      return undefined;
    }
    const actor = call.note.account ?? rule.actor?.(call) ?? call.actor ?? {};
    const target = rule.target?.(call);
    const texts = {
      errorCode,
      actorId: actor.accountId,
      actorName: actor.username,
      actorRole: actor.role,
      provinceCode: actor.provinceCode,
      cityCode: actor.cityCode,
      collegeId: actor.collegeId,
      targetType: target?.type,
      targetId: target?.id,
      targetLabel: target?.label,
      targetProvinceCode: target?.provinceCode,
      summary: rule.summary?.(call),
      address: origin.address,
      correlationId: origin.correlationId,
    };
    const { record, redacted } = withoutSecrets(capped(texts), secretsOf(call.body, call.result, origin.authorization));
    if (redacted) this.logger.warn({ msg: 'an audit rule copied a secret; it was blanked', action });
    const provinces = [...new Set([actor.provinceCode, target?.provinceCode].filter((code): code is string => !!code))];
    return { ...record, at: new Date(), action, outcome: call.outcome, provinces } as New<AuditEntry>;
  }
}

/** The fields that are set, each text cut to a readable length. */
function capped<T extends Record<string, string | undefined>>(texts: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(texts)
      .filter(([, value]) => typeof value === 'string' && value !== '')
      .map(([field, value]) => [field, (value as string).slice(0, LONGEST_TEXT)]),
  ) as Partial<T>;
}
