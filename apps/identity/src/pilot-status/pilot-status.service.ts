import { Injectable, Logger } from '@nestjs/common';
import { PlatformError, beijingYear, type Actor, type PilotStatusView, type PlanResultsSettledEvent } from '@pilot/contracts';
import { InjectRepository, type Repository } from '@pilot/store';
import { PilotResult } from './pilot-result.schema';

/**
 * 试点院校: a college with at least one certificate approved in a settled batch of a year is a
 * pilot college for that year. A later batch of the same year adds to it.
 */
@Injectable()
export class PilotStatusService {
  private readonly logger = new Logger('PilotStatus');

  constructor(@InjectRepository(PilotResult) private readonly results: Repository<PilotResult>) {}

  /**
   * A result is written whole, once per settled plan, by that plan's announcement alone (the
   * consumer's ledger applies each message once; a copy rewrites the same values), and nothing
   * else writes it: records without contending writers, so they are written in bulk.
   */
  async record(event: PlanResultsSettledEvent): Promise<void> {
    const settledAt = new Date(event.settledAt);
    await this.results.upsertMany(
      event.colleges.map(({ collegeId, approvedCertificates }) => ({
        filter: { _id: `${collegeId}:${event.planId}` },
        set: { collegeId, year: event.year, planId: event.planId, approvedCertificates, settledAt },
      })),
    );
    this.logger.log({ msg: 'pilot results recorded', planId: event.planId, year: event.year, colleges: event.colleges.length });
  }

  /** Each year the college has results in, newest first, and always the current year. */
  async statusOf(actor: Actor, now = new Date()): Promise<PilotStatusView[]> {
    if (actor.role !== 'college' || !actor.collegeId) throw new PlatformError('FORBIDDEN');
    const results = await this.results.find({ collegeId: actor.collegeId });
    const years = new Set([beijingYear(now), ...results.map((result) => result.year)]);
    return [...years]
      .sort((a, b) => b - a)
      .map((year) => {
        const ofYear = results.filter((result) => result.year === year);
        const approvedCertificates = ofYear.reduce((sum, result) => sum + result.approvedCertificates, 0);
        return { year, pilot: approvedCertificates > 0, approvedCertificates, settledBatches: ofYear.length, reason: reasonFor(year, ofYear.length, approvedCertificates) };
      });
  }
}

function reasonFor(year: number, settledBatches: number, approvedCertificates: number): string {
  if (approvedCertificates > 0) return `${year}年度有${approvedCertificates}个证书通过审批，已成为${year}年度试点院校`;
  if (settledBatches > 0) return `${year}年度申报的证书均未通过审批，暂不是${year}年度试点院校；如省级教育行政部门增加申报批次，可再次申报`;
  return `${year}年度尚无审核完成的申报批次：证书申报时间结束、审核全部完成后，至少有一个证书通过审批即成为试点院校`;
}
