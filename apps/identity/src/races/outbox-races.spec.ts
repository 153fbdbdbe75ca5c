import type { TestingModule } from '@nestjs/testing';
import { IdentityEvents, type Actor, type CollegeProfileFields } from '@pilot/contracts';
import { serviceUnderTest, type ServiceUnderTest } from '@pilot/foundation/testing';
import { eventually, type EventTap } from '@pilot/messaging/testing';
import { loadConfig } from '@pilot/runtime';
import { OutboxRelay } from '@pilot/store';
import { randomUUID } from 'node:crypto';
import { AccountsService } from '../accounts/accounts.service';
import { CollegeProfilesService } from '../college-profiles/college-profiles.service';
import { DirectoryService } from '../directory/directory.service';
import { IdentityConfig } from '../identity.config';
import { IdentityModule } from '../identity.module';

jest.setTimeout(180_000);

const ROUNDS = 8;

/**
 * Writers of accounts and college profiles, which carry an outbox, all at once with the relay
 * emptying it, against the real store and broker: no write is lost, and every event goes out
 * once (a copy of one event is dropped downstream by its id).
 */
describe('identity writing accounts and college profiles while the relay empties their outboxes', () => {
  let under: ServiceUnderTest;
  let moduleRef: TestingModule;
  let tap: EventTap;
  let relay: OutboxRelay;

  beforeAll(async () => {
    under = await serviceUnderTest(
      'identity-races',
      ({ service, database, exchange }) => [IdentityModule.register(loadConfig(IdentityConfig, { MONGO_DB: database, EVENTS_EXCHANGE: exchange }), service)],
      'identity.#',
    );
    ({ moduleRef, tap } = under);
    relay = moduleRef.get(OutboxRelay);
  });

  afterAll(() => under.stop());

  const eventIds = (type: string, collegeId: string) => new Set(tap.of(type).filter((event) => (event.payload as { collegeId: string }).collegeId === collegeId).map((event) => event.id));

  it('keeps the last of several password changes of a new account, moves its session version on once per change, and announces each once', async () => {
    const accounts = moduleRef.get(AccountsService);
    const registered: { accountId: string; collegeId: string; hashes: string[] }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const collegeId = randomUUID();
      const account = await accounts.create(
        { username: `9${String(round).padStart(3, '0')}${randomUUID().slice(0, 6)}`, role: 'college', passwordHash: 'initial', mustChangePassword: true, phone: '13900000000', displayName: '测试职业学院', collegeId, provinceCode: '370000', cityCode: '370100' },
        'COLLEGE_ALREADY_REGISTERED',
        new Date(),
        [{ type: IdentityEvents.collegeRegistered, payload: { collegeId, username: 'x', collegeName: '测试职业学院', phone: '13900000000', provinceCode: '370000', cityCode: '370100' } }],
      );
      const hashes = ['changed-1', 'changed-2', 'changed-3'];
      await Promise.all([relay.drain(), ...hashes.map((hash) => accounts.setPassword(account.id, hash, false, 'password-changed')), relay.drain()]);
      registered.push({ accountId: account.id, collegeId, hashes });
    }
    for (const { accountId, collegeId, hashes } of registered) {
      await eventually(() => eventIds(IdentityEvents.collegeRegistered, collegeId).size > 0);
      // Sent, then removed from the outbox: one write by the relay beside the three changes.
      const account = await eventually(async () => {
        const found = await accounts.findById(accountId);
        return found?.outbox?.length === 0 ? found : null;
      });
      expect(hashes).toContain(account?.passwordHash);
      expect(account?.mustChangePassword).toBe(false);
      expect(account?.sessionVersion).toBe(hashes.length);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(registered.map(({ collegeId }) => eventIds(IdentityEvents.collegeRegistered, collegeId).size)).toEqual(registered.map(() => 1));
    // By event id: a copy of one event is dropped downstream.
    const versionsEnded = (accountId: string) => [
      ...new Map(
        tap
          .of(IdentityEvents.accountSessionsEnded)
          .filter((event) => (event.payload as { accountId: string }).accountId === accountId)
          .map((event) => [event.id, (event.payload as { sessionVersion: number }).sessionVersion]),
      ).values(),
    ].sort();
    expect(registered.map(({ accountId }) => versionsEnded(accountId))).toEqual(registered.map(() => [1, 2, 3]));
  });

  it('lands every one of several saves of a college profile, and announces each save once', async () => {
    const profiles = moduleRef.get(CollegeProfilesService);
    const directory = moduleRef.get(DirectoryService);
    const saved: { collegeId: string; contacts: string[] }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const college = await directory.addTestCollege('370000');
      const actor: Actor = { accountId: randomUUID(), username: college.identificationCode, role: 'college', collegeId: college.id, provinceCode: '370000', cityCode: college.cityCode };
      const contacts = ['张老师', '李老师', '王老师', '赵老师'];
      await Promise.all([relay.drain(), ...contacts.map((contactName) => profiles.save(actor, profileFields(contactName))), relay.drain()]);
      saved.push({ collegeId: college.id, contacts });
    }
    for (const { collegeId, contacts } of saved) {
      await eventually(() => eventIds(IdentityEvents.collegeProfileUpdated, collegeId).size === contacts.length);
      const announced = tap.of(IdentityEvents.collegeProfileUpdated).filter((event) => (event.payload as { collegeId: string }).collegeId === collegeId);
      expect(new Set(announced.map((event) => (event.payload as { contactName: string }).contactName))).toEqual(new Set(contacts));
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(saved.map(({ collegeId }) => eventIds(IdentityEvents.collegeProfileUpdated, collegeId).size)).toEqual(saved.map(({ contacts }) => contacts.length));
  });
});

function profileFields(contactName: string): CollegeProfileFields {
  return {
    collegeType: '高职',
    address: '济南市历下区测试路1号',
    postalCode: '250000',
    principalName: '校长',
    leaderName: '分管领导',
    contactName,
    contactPhone: '13900000001',
    email: 'contact@example.com',
    fullTimeTeachers: 100,
    students: 1000,
    description: '',
  };
}
