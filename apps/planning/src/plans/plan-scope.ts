import { PlatformError, requireRole, type Actor } from '@pilot/contracts';

export interface ReadScope {
  /** Absent: every province (administrators without a choice). */
  provinceCode?: string;
  publishedOnly: boolean;
}

/**
 * Province reviewers see their province's plans, drafts included. Colleges and city reviewers see
 * their province's published ones; administrators see all, optionally one province's.
 */
export function readableProvince(actor: Actor, requested?: string): ReadScope {
  switch (actor.role) {
    case 'admin':
      return { provinceCode: requested, publishedOnly: false };
    case 'province_reviewer':
      return { provinceCode: ownProvince(actor), publishedOnly: false };
    case 'city_reviewer':
    case 'college':
      return { provinceCode: ownProvince(actor), publishedOnly: true };
    default:
      throw new PlatformError('FORBIDDEN');
  }
}

/** Only a province's own reviewers write its plans. */
export function writableProvince(actor: Actor): string {
  return ownProvince(requireRole(actor, 'province_reviewer'));
}

function ownProvince(actor: Actor): string {
  if (!actor.provinceCode) throw new PlatformError('FORBIDDEN');
  return actor.provinceCode;
}
