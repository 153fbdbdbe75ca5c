import { Controller, Get, Param, type INestApplication, type Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AccessTokens } from '@pilot/access-tokens';
import type { Actor, ErrorBody } from '@pilot/contracts';
import { RpcClient, rpcQueueOf } from '@pilot/messaging';
import { AMQP_URL, uniqueName } from '@pilot/messaging/testing';
import { Public } from '@pilot/runtime';
import { MONGO_URL, dropStoreOf } from '@pilot/store/testing';
import { connect, type Channel, type ConsumeMessage } from 'amqplib';
import { lastValueFrom } from 'rxjs';
import request from 'supertest';
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

/** Callers the specs sign tokens for: a college in Jinan and the Shandong province's reviewer. */
export const JINAN_COLLEGE = { role: 'college', collegeId: 'college-jinan', provinceCode: '370000', cityCode: '370100' } as const;
export const SHANDONG_REVIEWER = { role: 'province_reviewer', provinceCode: '370000' } as const;

export interface GatewayUnderTest {
  config: GatewayConfig;
  app: INestApplication;
  /** supertest against the in-process HTTP server. */
  http: ReturnType<typeof request>;
  /** An access token as identity would sign it, with the secret the gateway's config holds. */
  tokenFor(actor: Partial<Actor> & Pick<Actor, 'role'>, ttlSeconds?: number): string;
  close(): Promise<void>;
}

/**
 * The gateway built as `main.ts` builds it (the same module tree, body parsing and HTTP set-up),
 * on the real broker and store, with `settings` over the environment's defaults and a database
 * of its own, plus the probe route above and a spec's own `controllers`.
 */
export async function startGateway(settings: Record<string, string> = {}, controllers: Type[] = []): Promise<GatewayUnderTest> {
  const config = loadGatewayConfig({
    NODE_ENV: 'test',
    AMQP_URL,
    MONGO_URL,
    MONGO_DB: uniqueName('gateway_http').replace(/-/g, '_'),
    ...settings,
  });
  const gateway = gatewayApplication(config);
  const moduleRef = await Test.createTestingModule({ imports: [gateway.module], controllers: [ServiceProbeController, ...controllers] }).compile();
  const app = moduleRef.createNestApplication({ bodyParser: gateway.bodyParser, logger: false });
  await gateway.configure(app);
  await app.init();
  const tokens = new AccessTokens(config.JWT_SECRET);
  return {
    config,
    app,
    http: request(app.getHttpServer()),
    tokenFor: (actor, ttlSeconds = 300) =>
      tokens.sign({ accountId: `account-${actor.role}`, username: `user-${actor.role}`, ...actor }, 'session-http-spec', ttlSeconds),
    close: async () => {
      await dropStoreOf(app);
      await app.close();
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
