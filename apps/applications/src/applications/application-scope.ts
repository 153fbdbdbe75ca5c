import { APPLICATION_STATUSES, APPLICATION_TABS, PlatformError, type Actor, type ApplicationStatus, type ApplicationTab, type ListApplicationsRequest } from '@pilot/contracts';
import type { QueryFilter } from 'mongoose';
import type { Application } from './application.schema';

type Filter = QueryFilter<Application>;

/** A draft is the college's own business until it is submitted: reviewers see every other status. */
const SUBMITTED: readonly ApplicationStatus[] = APPLICATION_STATUSES.filter((status) => status !== 'draft');

export const DRAFTS_ARE_THE_COLLEGES = '未提交的申报只有院校本身可以查看';

/**
 * Which applications a caller sees: a college its own; a city bureau the submitted ones of its
 * city in plans that ask for city review; a provincial department the submitted ones of its province.
 */
export function visibleTo(actor: Actor): Filter {
  switch (actor.role) {
    case 'college':
      if (!actor.collegeId) throw new PlatformError('FORBIDDEN');
      return { collegeId: actor.collegeId };
    case 'city_reviewer':
      if (!actor.provinceCode || !actor.cityCode) throw new PlatformError('FORBIDDEN');
      return { provinceCode: actor.provinceCode, cityCode: actor.cityCode, cityApprovalRequired: true, status: { $in: [...SUBMITTED] } };
    case 'province_reviewer':
      if (!actor.provinceCode) throw new PlatformError('FORBIDDEN');
      return { provinceCode: actor.provinceCode, status: { $in: [...SUBMITTED] } };
    default:
      throw new PlatformError('FORBIDDEN');
  }
}

function statusesVisibleTo(actor: Actor): readonly ApplicationStatus[] {
  return actor.role === 'college' ? APPLICATION_STATUSES : SUBMITTED;
}

/** The status a reviewer acts on; for them the 待审核 tab means waiting for their own level. */
export function awaitingLevelOf(actor: Actor): ApplicationStatus | undefined {
  if (actor.role === 'city_reviewer') return 'pending_city';
  if (actor.role === 'province_reviewer') return 'pending_province';
  return undefined;
}

/** The statuses behind a tab (or a single status) that the caller may see; none for a reviewer's 待提交. */
export function statusesOf(actor: Actor, tab: ApplicationTab | ApplicationStatus | undefined): readonly ApplicationStatus[] {
  const visible = statusesVisibleTo(actor);
  return asked(actor, tab).filter((status) => visible.includes(status));
}

function asked(actor: Actor, tab: ApplicationTab | ApplicationStatus | undefined): readonly ApplicationStatus[] {
  if (!tab) return APPLICATION_STATUSES;
  if (tab === 'pending') {
    const own = awaitingLevelOf(actor);
    return own ? [own] : APPLICATION_TABS.pending;
  }
  return tab in APPLICATION_TABS ? APPLICATION_TABS[tab as ApplicationTab] : [tab as ApplicationStatus];
}

/**
 * The reviewers' filters, kept inside what the caller may see: the statuses asked for narrow
 * the visible ones and never replace them.
 */
export function listFilter(actor: Actor, request: ListApplicationsRequest, keyword: Filter, statuses: readonly ApplicationStatus[]): Filter {
  return {
    ...(request.planId ? { planId: request.planId } : {}),
    ...(request.certificateId ? { certificateId: request.certificateId } : {}),
    ...(request.cityCode && actor.role === 'province_reviewer' ? { cityCode: request.cityCode } : {}),
    ...keyword,
    ...visibleTo(actor),
    status: { $in: [...statuses] },
  };
}
