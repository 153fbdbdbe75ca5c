import { Controller, Get, Param, type INestApplication, type Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AccessTokenSigner } from '@pilot/access-tokens';
import type { Actor, ErrorBody } from '@pilot/contracts';
import { RpcClient, rpcQueueOf } from '@pilot/messaging';
import { AMQP_URL, brokerFor, deleteQueues, uniqueName } from '@pilot/messaging/testing';
import { Public } from '@pilot/runtime';
import { MONGO_URL, dropStoreOf } from '@pilot/store/testing';
import { connect, type Channel, type ConsumeMessage } from 'amqplib';
import { lastValueFrom } from 'rxjs';
import request from 'supertest';
import { CurrentActor } from '../access/access.decorators';
import { SESSION_VERSION_SOURCE, type SessionVersionSource } from '../access/session-versions';
import { gatewayApplication, loadGatewayConfig } from '../gateway-application';
import type { GatewayConfig } from '../gateway.config';

/**
 * A gateway route like the real ones (it asks a service over the bus and answers what comes
 * back), pointed at a service that exists only for one test run: the real routes ask the
 * platform's services, whose queues a running platform would be consuming.
 */
@Public()
@Controller('probe')
class ServiceProbeController {
  constructor(private readonly rpc: RpcClient) {}

  @Get(':pattern')
  ask(@Param('pattern') pattern: string): Promise<unknown> {
    // The stand-in service's patterns are in no contract, so this asks through Nest's untyped `send`.
    return lastValueFrom(this.rpc.send(pattern, { askedBy: 'gateway-http-spec' }));
  }
}

/** A signed-in route that answers with the caller as the controllers receive it. */
@Controller('probe-actor')
class ActorProbeController {
  @Get()
  whoAmI(@CurrentActor() actor: Actor): Actor {
    return actor;
  }
}

/** Callers the specs sign tokens for: a college in Jinan and the Shandong province's reviewer. */
export const JINAN_COLLEGE = { role: 'college', collegeId: 'college-jinan', provinceCode: '370000', cityCode: '370100' } as const;
export const SHANDONG_REVIEWER = { role: 'province_reviewer', provinceCode: '370000' } as const;

/** What a token says beyond its actor; by default the account's first version, its password its own. */
export interface TokenTerms {
  ttlSeconds?: number;
  sessionVersion?: number;
  mustChangePassword?: boolean;
}

/**
 * Identity's answers about session versions, kept by the spec: the real identity answers on
 * `identity.rpc`, which a platform running on the same broker would be consuming. Accounts the
 * spec has not named are at version 0.
 */
export class IdentityStandIn implements SessionVersionSource {
  readonly versions = new Map<string, number>();
  asked = 0;

  async versionOf(accountId: string): Promise<number> {
    this.asked += 1;
    return this.versions.get(accountId) ?? 0;
  }
}

export interface GatewayUnderTest {
  config: GatewayConfig;
  app: INestApplication;
  /** supertest against the in-process HTTP server. */
  http: ReturnType<typeof request>;
  /** An access token as identity would sign it, with the secret the gateway's config holds. */
  tokenFor(actor: Partial<Actor> & Pick<Actor, 'role'>, terms?: TokenTerms): string;
  identity: IdentityStandIn;
  close(): Promise<void>;
}

/**
 * The gateway built as `main.ts` builds it (the same module tree, body parsing, HTTP set-up and
 * events it follows), on the real broker and store, with `settings` over the environment's
 * defaults, a database and an events exchange of its own, plus the probe routes above and a spec's own `controllers`; identity's
 * answers about session versions come from the stand-in.
 */
export async function startGateway(settings: Record<string, string> = {}, controllers: Type[] = []): Promise<GatewayUnderTest> {
  const config = loadGatewayConfig({
    NODE_ENV: 'test',
    AMQP_URL,
    MONGO_URL,
    MONGO_DB: uniqueName('gateway_http').replace(/-/g, '_'),
    EVENTS_EXCHANGE: uniqueName('gateway-http-events'),
    ...settings,
  });
  const gateway = gatewayApplication(config);
  const identity = new IdentityStandIn();
  const moduleRef = await Test.createTestingModule({ imports: [gateway.module], controllers: [ServiceProbeController, ActorProbeController, ...controllers] })
    .overrideProvider(SESSION_VERSION_SOURCE)
    .useValue(identity)
    .compile();
  const app = moduleRef.createNestApplication({ bodyParser: gateway.bodyParser, logger: false });
  await gateway.configure(app);
  await app.init();
  const signer = new AccessTokenSigner(config.JWT_SECRET);
  return {
    config,
    app,
    http: request(app.getHttpServer()),
    identity,
    tokenFor: (actor, { ttlSeconds = 300, sessionVersion = 0, mustChangePassword = false } = {}) =>
      signer.sign(
        { actor: { accountId: `account-${actor.role}`, username: `user-${actor.role}`, ...actor, sessionId: 'session-http-spec' }, sessionVersion, mustChangePassword },
        ttlSeconds,
      ),
    close: async () => {
      await dropStoreOf(app);
      await app.close();
      const broker = brokerFor('gateway-http-cleanup');
      await deleteQueues(broker, [], [config.EVENTS_EXCHANGE]);
      await broker.close();
    },
  };
}

export interface WireRequest {
  pattern: string;
  payload: unknown;
  properties: ConsumeMessage['properties'];
}

export type WireAnswer = { ok: true; data: unknown } | { ok: false; error: ErrorBody } | 'no answer';

/**
 * A domain service as the gateway meets it on the broker: requests on `<service>.rpc`, answers
 * sent to their `replyTo` with their `correlationId`, in the services' reply shape. Its name is
 * new each run and its queue exclusive, so it never takes a running platform's requests and
 * goes away with its connection.
 */
export class ServiceOnTheWire {
  readonly name = uniqueName('gateway-probe');
  readonly requests: WireRequest[] = [];
  private connection?: Awaited<ReturnType<typeof connect>>;
  private channel?: Channel;

  constructor(private readonly answer: (request: WireRequest) => WireAnswer) {}

  /** The gateway path that asks this service for `action`. */
  route(action: string): string {
    return `/api/v1/probe/${this.name}.${action}`;
  }

  async start(): Promise<this> {
    this.connection = await connect(AMQP_URL);
    const channel = (this.channel = await this.connection.createChannel());
    const queue = rpcQueueOf(this.name);
    await channel.assertQueue(queue, { exclusive: true, durable: false });
    await channel.consume(queue, (message) => {
      if (!message) return;
      const request: WireRequest = {
        pattern: String(message.properties.type),
        payload: JSON.parse(message.content.toString('utf8')),
        properties: message.properties,
      };
      this.requests.push(request);
      const reply = this.answer(request);
      if (reply !== 'no answer') {
        channel.sendToQueue(message.properties.replyTo, Buffer.from(JSON.stringify(reply)), {
          correlationId: message.properties.correlationId,
          contentType: 'application/json',
        });
      }
      channel.ack(message);
    });
    return this;
  }

  async stop(): Promise<void> {
    await this.channel?.deleteQueue(rpcQueueOf(this.name));
    await this.connection?.close();
  }
}
