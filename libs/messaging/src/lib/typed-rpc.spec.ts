import { Controller } from '@nestjs/common';
import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import {
  PlanningEvents,
  RpcPatterns,
  type Actor,
  type ActorRequest,
  type ApplicationView,
  type EventEnvelope,
  type PlanDeletedEvent,
  type PlanSnapshot,
} from '@pilot/contracts';
import { OnEvent, OnRequest } from './handler-decorators';
import type { RpcClient } from './rpc-client';

/*
 * ts-jest type-checks this file: every `@ts-expect-error` below must stay a compile error, so a
 * change that loosens the typing of requests, answers or events fails here.
 */

const view = { id: 'a' } as ApplicationView;
const as = <T>(value: T): T => value;

@Controller()
class TypedHandlers {
  @OnRequest(RpcPatterns.applications.submit)
  submit({ id }: ActorRequest<{ id: string }>) {
    return Promise.resolve({ ...view, id });
  }

  @OnRequest(RpcPatterns.identity.listProvinces)
  provinces() {
    return [];
  }

  // @ts-expect-error the handler wants a field the request does not carry
  @OnRequest(RpcPatterns.applications.get)
  get({ code }: ActorRequest<{ code: number }>) {
    return { ...view, id: String(code) };
  }

  // @ts-expect-error the answer is not the pattern's response
  @OnRequest(RpcPatterns.applications.delete)
  delete() {
    return { deleted: 'yes' };
  }

  @OnEvent(PlanningEvents.planDeleted)
  async deleted(event: EventEnvelope<PlanDeletedEvent>) {
    as<string>(event.payload.planId);
  }

  // @ts-expect-error another event's payload
  @OnEvent(PlanningEvents.planPublished)
  async published(event: EventEnvelope<PlanDeletedEvent>) {
    as<string>(event.payload.planId);
  }

  // @ts-expect-error an event handler answers nothing
  @OnEvent(PlanningEvents.planUpdated)
  async updated(event: EventEnvelope<PlanSnapshot>) {
    return event.payload.version;
  }
}

/** Never run: the compiler checks what callers may write. */
export async function callers(rpc: RpcClient, actor: Actor): Promise<void> {
  as<ApplicationView>(await rpc.request(RpcPatterns.applications.submit, { id: 'a', actor }));
  as<number>((await rpc.request(RpcPatterns.identity.listProvinces)).length);
  await rpc.request(RpcPatterns.applications.submit, { id: 'a', actor }, 300);
  // @ts-expect-error the request misses its id
  await rpc.request(RpcPatterns.applications.submit, { actor });
  // @ts-expect-error the answer is an application, not a number
  as<number>(await rpc.request(RpcPatterns.applications.submit, { id: 'a', actor }));
  // @ts-expect-error a caller cannot pick its own response type
  await rpc.request<ApplicationView>(RpcPatterns.applications.submit, { id: 'a', actor });
  // @ts-expect-error a pattern outside the contract
  await rpc.request('identity.nothing.here', { actor });
  // @ts-expect-error a request without payload takes none
  await rpc.request(RpcPatterns.identity.listProvinces, { actor });
}

describe('typed handlers', () => {
  it('register each method under its pattern for the Nest transport', () => {
    const patternOf = (method: keyof TypedHandlers) => Reflect.getMetadata(PATTERN_METADATA, TypedHandlers.prototype[method]);
    expect(patternOf('submit')).toEqual([RpcPatterns.applications.submit]);
    expect(patternOf('deleted')).toEqual([PlanningEvents.planDeleted]);
  });
});
