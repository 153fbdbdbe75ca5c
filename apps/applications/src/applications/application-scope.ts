import { APPLICATION_TABS, PlatformError, type Actor, type ApplicationStatus, type ApplicationTab, type ListApplicationsRequest } from '@pilot/contracts';
import type { QueryFilter } from 'mongoose';
import type { Application } from './application.schema';

type Filter = QueryFilter<Application>;

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
      return { provinceCode: actor.provinceCode, cityCode: actor.cityCode, cityApprovalRequired: true, status: { $ne: 'draft' } };
    case 'province_reviewer':
      if (!actor.provinceCode) throw new PlatformError('FORBIDDEN');
      return { provinceCode: actor.provinceCode, status: { $ne: 'draft' } };
    default:
      throw new PlatformError('FORBIDDEN');
  }
}

/** The status a reviewer acts on; for them the 待审核 tab means waiting for their own level. */
export function awaitingLevelOf(actor: Actor): ApplicationStatus | undefined {
  if (actor.role === 'city_reviewer') return 'pending_city';
  if (actor.role === 'province_reviewer') return 'pending_province';
  return undefined;
}

export function statusesOf(actor: Actor, tab: ApplicationTab | ApplicationStatus | undefined): readonly ApplicationStatus[] | undefined {
  if (!tab || tab === 'all') return undefined;
  if (tab === 'pending') {
    const own = awaitingLevelOf(actor);
    return own ? [own] : APPLICATION_TABS.pending;
  }
  return tab in APPLICATION_TABS ? APPLICATION_TABS[tab as ApplicationTab] : [tab as ApplicationStatus];
}

/** The reviewers' filters, kept inside what the caller may see. */
export function listFilter(actor: Actor, request: ListApplicationsRequest, keyword: Filter): Filter {
  return {
    ...visibleTo(actor),
    ...(request.planId ? { planId: request.planId } : {}),
    ...(request.certificateId ? { certificateId: request.certificateId } : {}),
    ...(request.cityCode && actor.role === 'province_reviewer' ? { cityCode: request.cityCode } : {}),
    ...keyword,
  };
}
