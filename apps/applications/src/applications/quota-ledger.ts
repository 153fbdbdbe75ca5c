import { Injectable } from '@nestjs/common';
import { InjectRepository, OneAtATime, type Repository } from '@pilot/store';
import { Application } from './application.schema';

/**
 * A certificate's quota in a plan is shared by every approval of that certificate, so approvals
 * that count against it run one at a time: the approved headcount is summed and the approval
 * written alone, then the next approval goes.
 */
@Injectable()
export class QuotaLedger {
  constructor(
    @InjectRepository(Application) private readonly applications: Repository<Application>,
    private readonly oneAtATime: OneAtATime,
  ) {}

  async approvedSoFar(planId: string, certificateId: string): Promise<number> {
    const approved = await this.applications.find({ planId, certificateId, status: 'approved' }, { select: ['approvedTrainees'] });
    return approved.reduce((sum, application) => sum + (application.approvedTrainees ?? 0), 0);
  }

  /** Runs `work` alone among the approvals of this certificate in this plan. */
  inTurn<T>(planId: string, certificateId: string, work: () => Promise<T>): Promise<T> {
    return this.oneAtATime.run(`quota:${planId}:${certificateId}`, work, 'APPLICATION_CHANGED');
  }
}
