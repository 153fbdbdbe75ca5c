import { Injectable } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { PlatformError } from '@pilot/contracts';
import { SingleWinner } from '@pilot/runtime';
import type { Connection, Model } from 'mongoose';
import { Application } from './application.schema';

const STALE_LOCK_MS = 30_000;
const ATTEMPTS = 50;
const PAUSE_MS = 100;

interface LedgerTurn {
  _id: string;
  turn: number;
}

/**
 * A certificate's quota in a plan is shared by every approval of that certificate, so approvals
 * that count against it take turns: the approved headcount is summed and the approval written
 * while holding the turn, then the turn passes on.
 */
@Injectable()
export class QuotaLedger {
  private readonly turns: SingleWinner;

  constructor(
    @InjectModel(Application.name) private readonly applications: Model<Application>,
    @InjectConnection() private readonly connection: Connection,
  ) {
    this.turns = new SingleWinner(connection);
  }

  async approvedSoFar(planId: string, certificateId: string): Promise<number> {
    const approved = await this.applications.find({ planId, certificateId, status: 'approved' }, { approvedTrainees: 1 }).lean();
    return approved.reduce((sum, application) => sum + (application.approvedTrainees ?? 0), 0);
  }

  /** Runs `work` alone among the approvals of this certificate in this plan. */
  async inTurn<T>(planId: string, certificateId: string, work: () => Promise<T>): Promise<T> {
    const id = `${planId}:${certificateId}`;
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const turn = (await this.ledger().findOne({ _id: id }))?.turn ?? 0;
      if (await this.turns.claimRecovering(`quota:${id}:t${turn}`, STALE_LOCK_MS)) {
        try {
          return await work();
        } finally {
          await this.ledger().updateOne({ _id: id }, { $set: { turn: turn + 1 } }, { upsert: true });
        }
      }
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    }
    throw new PlatformError('APPLICATION_CHANGED');
  }

  private ledger() {
    return this.connection.collection<LedgerTurn>('quota_turns');
  }
}
