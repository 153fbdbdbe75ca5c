import { Catch, UseFilters, applyDecorators, type RpcExceptionFilter } from '@nestjs/common';
import { EventPattern, MessagePattern } from '@nestjs/microservices';
import type { EventEnvelope, EventPayloads, KnownEventType, RequestOf, ResponseOf, RpcPattern } from '@pilot/contracts';
import { throwError, type Observable } from 'rxjs';

/**
 * Hands a handler's own error to the transport. Nest's default filter would replace it with
 * "Internal server error", and then a PlatformError could not reach the caller with its code,
 * nor a failed event be dead-lettered with its real cause.
 */
@Catch()
export class HandlerErrorPassThrough implements RpcExceptionFilter {
  catch(error: unknown): Observable<never> {
    return throwError(() => error);
  }
}

const passErrors = UseFilters(new HandlerErrorPassThrough());

/** The runtime half of OnRequest, for patterns RpcContract does not know (the specs' throwaway services). */
export const requestHandler = (pattern: string) => applyDecorators(MessagePattern(pattern), passErrors);

/** The runtime half of OnEvent, likewise. */
export const eventHandler = (type: string) => applyDecorators(EventPattern(type), passErrors);

type Handler<In, Out> = (input: In) => Out | Promise<Out>;

/**
 * `@MessagePattern` checked against `RpcContract`: the method must take the pattern's request
 * and answer its response, or the service does not compile.
 */
export function OnRequest<P extends RpcPattern>(pattern: P) {
  return <H extends Handler<RequestOf<P>, ResponseOf<P>>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<H>): void =>
    requestHandler(pattern)(target, key, descriptor);
}

/**
 * `@EventPattern` checked against `EventPayloads`: the method takes the envelope of the event's
 * payload. It runs at most once per event id in this service (see EventConsumer).
 */
export function OnEvent<T extends KnownEventType>(type: T) {
  return <H extends Handler<EventEnvelope<EventPayloads[T]>, void>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<H>): void =>
    eventHandler(type)(target, key, descriptor);
}
