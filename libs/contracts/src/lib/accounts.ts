import type { Page } from './pagination';
import { PlatformError } from './errors';

export const ROLES = ['college', 'city_reviewer', 'province_reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const REVIEWER_ROLES = ['province_reviewer', 'city_reviewer'] as const;
export type ReviewerRole = (typeof REVIEWER_ROLES)[number];

export const ROLE_NAMES: Record<Role, string> = {
  college: '试点院校',
  city_reviewer: '地市级教育局审核员',
  province_reviewer: '省级教育行政部门审核员',
  admin: '平台管理员',
};

/**
 * Who is calling, as the gateway read it from a verified access token. It travels with every
 * request to a service, which checks it again against the data it owns.
 */
export interface Actor {
  accountId: string;
  username: string;
  role: Role;
  /** For `college`: its directory entry. */
  collegeId?: string;
  /** For reviewers: the province they review (a city reviewer's too). */
  provinceCode?: string;
  /** For `city_reviewer`: the one city. */
  cityCode?: string;
  /** The sign-in the access token belongs to (its refresh-token family). */
  sessionId?: string;
}

/** A request made on someone's behalf. */
export type ActorRequest<T = unknown> = T & { actor: Actor };

export interface UserView {
  id: string;
  username: string;
  role: Role;
  displayName: string;
  /** The password was set by someone else (registration SMS, an administrator): change it first. */
  mustChangePassword: boolean;
  phoneMasked: string;
  collegeId?: string;
  provinceCode?: string;
  provinceName?: string;
  cityCode?: string;
  cityName?: string;
  /** For colleges: whether the basic information is filled in. */
  profileComplete?: boolean;
}

export interface CreateReviewerRequest {
  username: string;
  password: string;
  role: ReviewerRole;
  provinceCode: string;
  cityCode?: string;
  phone: string;
  displayName?: string;
}

export interface ReviewerView {
  id: string;
  username: string;
  role: ReviewerRole;
  displayName: string;
  provinceCode: string;
  provinceName: string;
  cityCode?: string;
  cityName?: string;
  phone: string;
  createdAt: string;
  /** A disabled account cannot sign in, and its tokens no longer work. */
  disabled: boolean;
  disabledAt?: string;
}

/** An administrator disables or enables a reviewer account again (审核员账号). */
export interface ReviewerAccountRequest {
  reviewerId: string;
}

/**
 * Why every access token an account holds stopped working at once: its version moved on, and
 * the gateway refuses a token that carries an older one.
 */
export const SESSIONS_ENDED_REASONS = ['logout', 'password-changed', 'password-reset', 'disabled'] as const;
export type SessionsEndedReason = (typeof SESSIONS_ENDED_REASONS)[number];

/** What the gateway asks identity when it has no fresh copy of an account's session version. */
export interface SessionVersionRequest {
  accountId: string;
}

export interface SessionVersionView {
  /** Access tokens carrying an older version are refused. */
  sessionVersion: number;
}

export type ReviewerPage = Page<ReviewerView>;

export interface ListReviewersRequest {
  provinceCode?: string;
  page?: number;
  pageSize?: number;
}

/** Account names chosen by an administrator: a letter first, so they never look like a college's code. */
export const REVIEWER_USERNAME = /^[A-Za-z][A-Za-z0-9_]{3,31}$/;
export const MAINLAND_MOBILE = /^1\d{10}$/;

export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '****';
}

/**
 * The owning service's own check of who may do what: the gateway checked the same role, and
 * this stops a request that reaches the service some other way.
 */
export function requireRole(actor: Actor | undefined, ...roles: Role[]): Actor {
  if (!actor?.accountId) throw new PlatformError('UNAUTHENTICATED');
  if (!roles.includes(actor.role)) throw new PlatformError('FORBIDDEN');
  return actor;
}

/** A college's account as the reviewers of its province see it after it registered. */
export interface RegistrationView {
  /** The account's id. */
  id: string;
  collegeId: string;
  collegeName: string;
  identificationCode: string;
  cityCode: string;
  cityName: string;
  phoneMasked: string;
  registeredAt: string;
  status: 'active' | 'revoked';
  revokedAt?: string;
  /** The reviewer who revoked it. */
  revokedByName?: string;
}

export type RegistrationPage = Page<RegistrationView>;

/** `provinceCode` is the administrator's choice; a province reviewer sees their own province. */
export interface ListRegistrationsRequest {
  provinceCode?: string;
  status?: RegistrationView['status'];
  page?: number;
  pageSize?: number;
}

