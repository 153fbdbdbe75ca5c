export const PLANS_OPTIONS = Symbol('PLANS_OPTIONS');

export interface PlansOptions {
  windowCheckIntervalMs: number;
}
