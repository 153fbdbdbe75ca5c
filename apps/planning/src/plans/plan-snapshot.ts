import type { PlanSnapshot } from '@pilot/contracts';
import type { Plan } from './plan.schema';

/** What other services keep of a plan, from the stored fields. */
export function snapshotOf(plan: Pick<Plan, 'provinceCode' | 'year' | 'name' | 'startsAt' | 'endsAt' | 'byMajor' | 'cityApprovalRequired' | 'certificates' | 'version'> & { _id: unknown }): PlanSnapshot {
  return {
    id: String(plan._id),
    provinceCode: plan.provinceCode,
    year: plan.year,
    name: plan.name,
    startsAt: new Date(plan.startsAt).toISOString(),
    endsAt: new Date(plan.endsAt).toISOString(),
    byMajor: plan.byMajor,
    cityApprovalRequired: plan.cityApprovalRequired,
    certificates: plan.certificates.map(({ certificateId, quota }) => ({ certificateId, ...(quota ? { quota } : {}) })),
    version: plan.version,
  };
}
