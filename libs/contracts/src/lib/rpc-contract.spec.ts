import type { ApplicationEvents, IdentityEvents, KnownEventType, PlanningEvents } from './events';
import type { RpcPattern } from './rpc-contract';
import type { RpcPatterns } from './rpc-patterns';

type Leaves<T> = T extends string ? T : { [K in keyof T]: Leaves<T[K]> }[keyof T];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

// Checked by ts-jest's compiler: a pattern or event added without its types makes these false.
const everyPatternHasItsTypes: Same<Leaves<typeof RpcPatterns>, RpcPattern> = true;
const everyEventHasItsPayload: Same<Leaves<typeof IdentityEvents | typeof PlanningEvents | typeof ApplicationEvents>, KnownEventType> = true;

describe('the message contracts', () => {
  it('give every request pattern and every event its types', () => {
    expect([everyPatternHasItsTypes, everyEventHasItsPayload]).toEqual([true, true]);
  });
});
