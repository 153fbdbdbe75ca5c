import { SetMetadata } from '@nestjs/common';

export const RPC_HANDLER = 'pilot:rpc-handler';
export const EVENT_HANDLER = 'pilot:event-handler';

/** Marks a provider method as the answer to a request pattern on this service's queue. */
export const RpcHandler = (pattern: string) => SetMetadata(RPC_HANDLER, pattern);

/** Marks a provider method as this service's handler of an event type. */
export const EventHandler = (type: string) => SetMetadata(EVENT_HANDLER, type);
