import type { ApplicationReviewedEvent, ApplicationSubmittedEvent, PlanResultsSettledEvent } from './applications';
import type { Role, SessionsEndedReason } from './accounts';
import type { PlanDeletedEvent, PlanSnapshot, PlanWindowClosedEvent } from './planning';

/**
 * Every event on the bus travels in this envelope. `id` is the idempotency key: a consumer
 * that has recorded it never applies the event twice.
 */
export interface EventEnvelope<TPayload = unknown> {
  id: string;
  type: string;
  occurredAt: string;
  correlationId?: string;
  payload: TPayload;
}

/** Routing keys are `<service>.<noun>.<past-tense-verb>`; each capability adds its own here. */
export type EventType = `${string}.${string}.${string}`;

export const IdentityEvents = {
  collegeRegistered: 'identity.college.registered',
  collegeProfileUpdated: 'identity.college-profile.updated',
  registrationRevoked: 'identity.registration.revoked',
  accountSessionsEnded: 'identity.account.sessions-ended',
  accountDisabled: 'identity.account.disabled',
  accountEnabled: 'identity.account.enabled',
} as const satisfies Record<string, EventType>;

/**
 * A plan's life as other services follow it. `published` and `updated` carry a `PlanSnapshot`;
 * `window-closed` is announced once, after the window's end, even when the service was down then.
 */
export const PlanningEvents = {
  planPublished: 'planning.plan.published',
  planUpdated: 'planning.plan.updated',
  planWindowClosed: 'planning.plan.window-closed',
  planDeleted: 'planning.plan.deleted',
} as const satisfies Record<string, EventType>;

export const ApplicationEvents = {
  applicationSubmitted: 'applications.application.submitted',
  applicationReviewed: 'applications.application.reviewed',
  planResultsSettled: 'applications.plan-results.settled',
} as const satisfies Record<string, EventType>;

/** A college opened its account; `phone` is the number it registered with. */
export interface CollegeRegisteredEvent {
  collegeId: string;
  collegeName: string;
  /** The account's name (the identification code). */
  username: string;
  phone: string;
  provinceCode: string;
  cityCode: string;
  /** Absent from events written before registrations were announced to the province's reviewers. */
  cityName?: string;
}

/**
 * A province's reviewer revoked a college's registration as wrongly claimed: the account is
 * disabled and the college may register again. `phone` is the number it was registered with.
 */
export interface RegistrationRevokedEvent {
  accountId: string;
  collegeId: string;
  collegeName: string;
  /** The identification code the account was named by. */
  identificationCode: string;
  phone: string;
  provinceCode: string;
  cityCode: string;
  /** The education department that revoked it, as the college is told. */
  departmentName: string;
  revokedAt: string;
  revokedBy: { accountId: string; displayName: string };
}

/** A college saved its basic information; the contact is who hears about its applications. */
export interface CollegeProfileUpdatedEvent {
  collegeId: string;
  contactName: string;
  contactPhone: string;
  email: string;
}

/** Every access token of the account carrying a version below `sessionVersion` is refused from now on. */
export interface AccountSessionsEndedEvent {
  accountId: string;
  sessionVersion: number;
  reason: SessionsEndedReason;
}

/** The account can no longer sign in (an administrator's decision, or a revoked registration). */
export interface AccountDisabledEvent {
  accountId: string;
  username: string;
  role: Role;
  collegeId?: string;
  provinceCode?: string;
  cityCode?: string;
  /** The account that disabled it. */
  disabledBy: string;
  /** Why, in the words of whoever disabled it. */
  reason: string;
}

/** A disabled account may sign in again; its earlier sign-ins stay ended. */
export interface AccountEnabledEvent {
  accountId: string;
  username: string;
  role: Role;
  enabledBy: string;
}

/** What each event carries; a handler of an event type takes an envelope of its payload. */
export interface EventPayloads {
  [IdentityEvents.collegeRegistered]: CollegeRegisteredEvent;
  [IdentityEvents.collegeProfileUpdated]: CollegeProfileUpdatedEvent;
  [IdentityEvents.registrationRevoked]: RegistrationRevokedEvent;
  [IdentityEvents.accountSessionsEnded]: AccountSessionsEndedEvent;
  [IdentityEvents.accountDisabled]: AccountDisabledEvent;
  [IdentityEvents.accountEnabled]: AccountEnabledEvent;
  [PlanningEvents.planPublished]: PlanSnapshot;
  [PlanningEvents.planUpdated]: PlanSnapshot;
  [PlanningEvents.planWindowClosed]: PlanWindowClosedEvent;
  [PlanningEvents.planDeleted]: PlanDeletedEvent;
  [ApplicationEvents.applicationSubmitted]: ApplicationSubmittedEvent;
  [ApplicationEvents.applicationReviewed]: ApplicationReviewedEvent;
  [ApplicationEvents.planResultsSettled]: PlanResultsSettledEvent;
}

export type KnownEventType = keyof EventPayloads;
