import { IdentityEvents, RpcPatterns, type Actor, type CollegeRegisteredEvent, type DirectoryCollegeView, type PlatformError, type RegistrationRevokedEvent } from '@pilot/contracts';
import { eventually, rejectionOf } from '@pilot/messaging/testing';
import { randomInt } from 'node:crypto';
import { AccountsService } from '../accounts/accounts.service';
import { DirectoryService } from '../directory/directory.service';
import { startIdentity, type IdentityUnderTest } from '../testing/identity-under-test';

jest.setTimeout(120_000);

let addresses = 0;
const freshAddress = () => `198.18.0.${++addresses}`;
const freshPhone = () => `137${String(randomInt(0, 1e8)).padStart(8, '0')}`;

describe('registering a college by its identification code, and the province revoking a wrong claim, over the real broker and store', () => {
  let identity: IdentityUnderTest;
  let shandongReviewer: Actor;

  beforeAll(async () => {
    identity = await startIdentity();
    const reviewer = await identity.moduleRef
      .get(AccountsService)
      .create({ username: `sd${randomInt(0, 1e9)}`, role: 'province_reviewer', passwordHash: 'x', mustChangePassword: false, phone: '', displayName: '山东省厅审核员', provinceCode: '370000' }, 'USERNAME_TAKEN');
    shandongReviewer = { accountId: reviewer.id, username: reviewer.username, role: 'province_reviewer', provinceCode: '370000' };
  });

  afterAll(async () => {
    await identity?.close();
  });

  const college = () => identity.moduleRef.get(DirectoryService).addTestCollege('370000');
  const refusal = (promise: Promise<unknown>) => rejectionOf(promise) as unknown as Promise<PlatformError>;

  async function smsCode(phone: string): Promise<string> {
    await identity.rpc.request(RpcPatterns.identity.requestSmsCode, { phone, purpose: 'register', clientAddress: freshAddress(), ...(await identity.captcha()) });
    const sent = identity.sms.filter((command) => command.phone === phone).at(-1);
    if (sent?.template !== 'verification-code') throw new Error('no code was sent');
    return sent.params.code;
  }

  async function register(entry: DirectoryCollegeView, phone: string, smsCode: string, identificationCode = entry.identificationCode) {
    return identity.rpc.request(RpcPatterns.identity.register, { provinceCode: '370000', collegeId: entry.id, identificationCode, phone, smsCode });
  }

  it('lists the directory publicly without identification codes, and with them only to administrators and the province’s reviewers', async () => {
    const entry = await college();
    const found = await identity.rpc.request(RpcPatterns.identity.searchColleges, { provinceCode: '370000', q: entry.name });
    expect(found.items).toEqual([{ id: entry.id, name: entry.name, cityCode: entry.cityCode, cityName: entry.cityName, type: '高职', registered: false }]);
    expect(JSON.stringify(found)).not.toContain(entry.identificationCode);

    const listed = await identity.rpc.request(RpcPatterns.identity.listDirectory, { actor: shandongReviewer, q: entry.identificationCode });
    expect(listed.items).toEqual([expect.objectContaining({ id: entry.id, identificationCode: entry.identificationCode })]);
    const guangdong: Actor = { ...shandongReviewer, provinceCode: '440000' };
    expect((await refusal(identity.rpc.request(RpcPatterns.identity.listDirectory, { actor: guangdong, provinceCode: '370000' }))).code).toBe('FORBIDDEN');
    const itself: Actor = { accountId: 'c', username: 'c', role: 'college', collegeId: entry.id };
    expect((await refusal(identity.rpc.request(RpcPatterns.identity.listDirectory, { actor: itself, provinceCode: '370000' }))).code).toBe('FORBIDDEN');
  });

  it('refuses a wrong identification code, naming no college, and spends one of the SMS code’s five tries on it', async () => {
    const entry = await college();
    const other = await college();
    const phone = freshPhone();
    const code = await smsCode(phone);
    for (const guess of ['1234567890', other.identificationCode, '1234567891', '1234567892', '1234567893']) {
      const wrong = await refusal(register(entry, phone, code, guess));
      expect(wrong).toMatchObject({ code: 'IDENTIFICATION_CODE_MISMATCH', message: '院校识别码与所选院校不一致' });
    }
    expect((await refusal(register(entry, phone, code))).code).toBe('SMS_CODE_EXPIRED');
    const another = freshPhone();
    expect((await register(entry, another, await smsCode(another))).username).toBe(entry.identificationCode);
  });

  it('announces a registration with the college’s city, for the province’s reviewers', async () => {
    const entry = await college();
    const phone = freshPhone();
    await register(entry, phone, await smsCode(phone));
    const event = await eventually(() => identity.events.of(IdentityEvents.collegeRegistered).find((e) => (e.payload as CollegeRegisteredEvent).collegeId === entry.id));
    expect(event.payload).toEqual({ username: entry.identificationCode, collegeId: entry.id, collegeName: entry.name, phone, provinceCode: '370000', cityCode: entry.cityCode, cityName: entry.cityName });
  });

  it('lets the province’s reviewer revoke a registration: the college is free to register again, and the revocation is announced once', async () => {
    const entry = await college();
    const claimant = freshPhone();
    const claimed = await register(entry, claimant, await smsCode(claimant));
    const claimantSession = await identity.rpc.request(RpcPatterns.identity.login, {
      username: claimed.username,
      password: claimed.password,
      clientAddress: freshAddress(),
      ...(await identity.captcha()),
    });
    const listed = await identity.rpc.request(RpcPatterns.identity.listRegistrations, { actor: shandongReviewer, status: 'active', pageSize: 100 });
    const registration = listed.items.find((item) => item.collegeId === entry.id);
    expect(registration).toEqual(
      expect.objectContaining({ collegeName: entry.name, identificationCode: entry.identificationCode, cityName: entry.cityName, phoneMasked: `${claimant.slice(0, 3)}****${claimant.slice(7)}`, status: 'active' }),
    );
    const accountId = registration?.id ?? '';

    const guangdong: Actor = { ...shandongReviewer, provinceCode: '440000' };
    expect((await refusal(identity.rpc.request(RpcPatterns.identity.revokeRegistration, { actor: guangdong, accountId }))).code).toBe('REGISTRATION_NOT_FOUND');
    const city: Actor = { accountId: 'x', username: 'jn', role: 'city_reviewer', provinceCode: '370000', cityCode: entry.cityCode };
    expect((await refusal(identity.rpc.request(RpcPatterns.identity.revokeRegistration, { actor: city, accountId }))).code).toBe('FORBIDDEN');

    const revoked = await identity.rpc.request(RpcPatterns.identity.revokeRegistration, { actor: shandongReviewer, accountId });
    expect(revoked).toEqual(expect.objectContaining({ id: accountId, status: 'revoked', revokedAt: expect.any(String), revokedByName: '山东省厅审核员', identificationCode: entry.identificationCode }));
    const again = await identity.rpc.request(RpcPatterns.identity.revokeRegistration, { actor: shandongReviewer, accountId });
    expect(again.revokedAt).toBe(revoked.revokedAt);

    // The claimant's account is disabled: what it holds stops working, and its name no longer signs in.
    expect(await identity.moduleRef.get(AccountsService).findById(accountId)).toEqual(expect.objectContaining({ disabledAt: expect.any(Date) }));
    expect((await refusal(identity.rpc.request(RpcPatterns.identity.refresh, { refreshToken: claimantSession.refreshToken }))).code).toBe('SESSION_ENDED');
    const signIn = identity.rpc.request(RpcPatterns.identity.login, { username: claimed.username, password: claimed.password, clientAddress: freshAddress(), ...(await identity.captcha()) });
    expect((await refusal(signIn)).code).toBe('LOGIN_FAILED');
    await eventually(() => identity.events.of(IdentityEvents.accountDisabled).some((e) => (e.payload as { accountId: string }).accountId === accountId));

    const announced = await eventually(() => identity.events.of(IdentityEvents.registrationRevoked).filter((e) => (e.payload as RegistrationRevokedEvent).accountId === accountId).length > 0 && identity.events.of(IdentityEvents.registrationRevoked));
    expect(announced.filter((e) => (e.payload as RegistrationRevokedEvent).accountId === accountId).map((e) => e.payload)).toEqual([
      expect.objectContaining({
        collegeId: entry.id,
        collegeName: entry.name,
        identificationCode: entry.identificationCode,
        phone: claimant,
        provinceCode: '370000',
        departmentName: '山东省教育厅',
        revokedBy: { accountId: shandongReviewer.accountId, displayName: '山东省厅审核员' },
      }),
    ]);

    const directory = await identity.rpc.request(RpcPatterns.identity.searchColleges, { provinceCode: '370000', q: entry.name });
    expect(directory.items[0].registered).toBe(false);
    const rightful = freshPhone();
    const result = await register(entry, rightful, await smsCode(rightful));
    expect(result.username).toBe(entry.identificationCode);
    const both = await identity.rpc.request(RpcPatterns.identity.listRegistrations, { actor: shandongReviewer, pageSize: 100 });
    expect(both.items.filter((item) => item.collegeId === entry.id).map((item) => item.status)).toEqual(['active', 'revoked']);
  });
});
