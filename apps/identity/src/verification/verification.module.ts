import { Module } from '@nestjs/common';
import { StoreModule } from '@pilot/store';
import { AddressSends, AddressSendsSchema } from './address-sends.schema';
import { RecipientSends, RecipientSendsSchema } from './recipient-sends.schema';
import { SmsAllowances } from './sms-allowances';
import { SmsCode, SmsCodeSchema } from './sms-code.schema';
import { SmsCodeService } from './sms-code.service';
import { SmsCodeVerifier } from './sms-code.verifier';
import { VerificationHandlers } from './verification.handlers';

const TWO_DAYS_MS = 2 * 24 * 3600_000;

@Module({
  imports: [
    // Counts older than two days no longer count towards any allowance (housekeeping, as FerretDB v1 has no TTL indexes).
    StoreModule.forFeature([
      { name: SmsCode.name, schema: SmsCodeSchema },
      { name: RecipientSends.name, schema: RecipientSendsSchema, expire: { field: 'lastSentAt', afterMs: TWO_DAYS_MS } },
      { name: AddressSends.name, schema: AddressSendsSchema, expire: { field: 'lastSentAt', afterMs: TWO_DAYS_MS } },
    ]),
  ],
  controllers: [VerificationHandlers],
  providers: [SmsCodeService, SmsCodeVerifier, SmsAllowances],
  exports: [SmsCodeService, SmsCodeVerifier],
})
export class VerificationModule {}
