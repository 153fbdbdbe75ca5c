import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { IdentityEvents, type AccountSessionsEndedEvent, type EventEnvelope } from '@pilot/contracts';
import { EventPublisher } from '@pilot/messaging';
import { brokerFor, eventually } from '@pilot/messaging/testing';
import { PUBLIC_ROUTE } from '@pilot/runtime';
import { randomUUID } from 'node:crypto';
import { JINAN_COLLEGE, SHANDONG_REVIEWER, startGateway, type GatewayUnderTest } from '../testing/gateway-under-test';
import { BEFORE_PASSWORD_CHANGE_KEY } from './access.decorators';

const TOKEN_REVOKED = { code: 'TOKEN_REVOKED', message: '登录状态已失效，请重新登录' };
const PASSWORD_CHANGE_REQUIRED = { code: 'PASSWORD_CHANGE_REQUIRED', message: '请先修改初始密码，再进行其他操作' };

/** Tokens that stopped working before they expire, and accounts that must change their password first. */
describe('the gateway’s check of session versions and of the first password change', () => {
  let gateway: GatewayUnderTest;
  const broker = brokerFor('gateway-revocation-spec');
  let publisher: EventPublisher;

  beforeAll(async () => {
    gateway = await startGateway({ SESSION_VERSION_CACHE_MS: '60000' });
    publisher = new EventPublisher(broker, gateway.config.EVENTS_EXCHANGE);
  });

  afterAll(async () => {
    await gateway?.close();
    await publisher?.close();
    await broker.close();
  });

  const account = (prefix: string) => `${prefix}-${randomUUID()}`;
  const probe = (token: string) => gateway.http.get('/api/v1/probe-actor').auth(token, { type: 'bearer' });
  const sessionsEnded = (payload: AccountSessionsEndedEvent): EventEnvelope<AccountSessionsEndedEvent> => ({
    id: randomUUID(),
    type: IdentityEvents.accountSessionsEnded,
    occurredAt: new Date().toISOString(),
    payload,
  });

  it('refuses a token whose session version is below the account’s (401 TOKEN_REVOKED), and takes one at or above it', async () => {
    const accountId = account('revoked');
    gateway.identity.versions.set(accountId, 2);
    const old = gateway.tokenFor({ ...SHANDONG_REVIEWER, accountId }, { sessionVersion: 1 });
    const answer = await probe(old);
    expect([answer.status, answer.body]).toEqual([401, TOKEN_REVOKED]);
    expect((await probe(gateway.tokenFor({ ...SHANDONG_REVIEWER, accountId }, { sessionVersion: 2 }))).status).toBe(200);
    expect((await probe(gateway.tokenFor({ ...SHANDONG_REVIEWER, accountId }, { sessionVersion: 3 }))).status).toBe(200);
  });

  it('asks identity once for an account within the cache time, however many calls come at once', async () => {
    const accountId = account('cached');
    const token = gateway.tokenFor({ ...JINAN_COLLEGE, accountId });
    const asked = gateway.identity.asked;
    const answers = await Promise.all(Array.from({ length: 8 }, () => probe(token)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(200));
    expect((await probe(token)).status).toBe(200);
    expect(gateway.identity.asked - asked).toBe(1);
  });

  it('refuses the earlier tokens at once when identity announces the account’s sessions ended, without asking it again', async () => {
    const accountId = account('signed-out');
    const token = gateway.tokenFor({ ...JINAN_COLLEGE, accountId }, { sessionVersion: 0 });
    expect((await probe(token)).status).toBe(200);
    const asked = gateway.identity.asked;

    const started = Date.now();
    await publisher.publish(sessionsEnded({ accountId, sessionVersion: 1, reason: 'logout' }));
    const refused = await eventually(async () => {
      const answer = await probe(token);
      return answer.status === 401 ? answer : null;
    }, 5000, 50);
    expect(refused.body).toEqual(TOKEN_REVOKED);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(gateway.identity.asked).toBe(asked);
    expect((await probe(gateway.tokenFor({ ...JINAN_COLLEGE, accountId }, { sessionVersion: 1 }))).status).toBe(200);
  });

  it('never goes back to an older version: a late event of an earlier change leaves the newer one in force', async () => {
    const accountId = account('late-event');
    await publisher.publish(sessionsEnded({ accountId, sessionVersion: 3, reason: 'password-changed' }));
    await publisher.publish(sessionsEnded({ accountId, sessionVersion: 2, reason: 'logout' }));
    const marker = account('marker');
    await publisher.publish(sessionsEnded({ accountId: marker, sessionVersion: 1, reason: 'logout' }));
    await eventually(async () => (await probe(gateway.tokenFor({ ...JINAN_COLLEGE, accountId: marker }))).status === 401, 5000, 50);
    expect((await probe(gateway.tokenFor({ ...JINAN_COLLEGE, accountId }, { sessionVersion: 2 }))).body).toEqual(TOKEN_REVOKED);
  });

  describe('an account that must change its password (its token says so)', () => {
    const mustChange = (role: typeof SHANDONG_REVIEWER | typeof JINAN_COLLEGE = SHANDONG_REVIEWER) => gateway.tokenFor({ ...role, accountId: account('initial') }, { mustChangePassword: true });

    it('is refused every other signed-in route with 403 PASSWORD_CHANGE_REQUIRED, before its body is read', async () => {
      const token = mustChange();
      for (const [method, path] of [
        ['post', '/api/v1/plans'],
        ['get', '/api/v1/plans'],
        ['get', '/api/v1/applications'],
        ['get', '/api/v1/notifications'],
        ['get', '/api/v1/probe-actor'],
      ] as const) {
        const answer = await gateway.http[method](path).auth(token, { type: 'bearer' }).send({ unexpected: true });
        expect([method, path, answer.status, answer.body]).toEqual([method, path, 403, PASSWORD_CHANGE_REQUIRED]);
      }
    });

    it('may change its password (the route’s own checks come next) and still reaches the public routes', async () => {
      const token = mustChange(JINAN_COLLEGE);
      const change = await gateway.http.post('/api/v1/auth/password').auth(token, { type: 'bearer' }).send({});
      expect([change.status, change.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      const signOut = await gateway.http.post('/api/v1/auth/logout').auth(token, { type: 'bearer' }).send({});
      expect([signOut.status, signOut.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect((await gateway.http.get('/api/v1/health/live').auth(token, { type: 'bearer' })).status).toBe(200);
    });

    it('reaches, of the signed-in routes, only changing the password and reading who is signed in', () => {
      const reflector = gateway.app.get(Reflector);
      const scanner = new MetadataScanner();
      const open: string[] = [];
      for (const wrapper of new DiscoveryService(gateway.app.get(ModulesContainer)).getControllers()) {
        const controller = wrapper.metatype;
        if (!controller || !wrapper.instance) continue;
        const prototype = Object.getPrototypeOf(wrapper.instance);
        for (const name of scanner.getAllMethodNames(prototype)) {
          const handler = prototype[name];
          const path = Reflect.getMetadata(PATH_METADATA, handler);
          if (path === undefined) continue;
          const targets = [handler, controller];
          if (reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) continue;
          if (!reflector.getAllAndOverride<boolean>(BEFORE_PASSWORD_CHANGE_KEY, targets)) continue;
          open.push(`${RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler)]} ${Reflect.getMetadata(PATH_METADATA, controller)}/${path}`);
        }
      }
      expect(open.sort()).toEqual(['GET auth/me', 'POST auth/password']);
    });
  });
});
