import { Component, DestroyRef, OnInit, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { PilotStatusApi, apiErrorMessage } from '@pilot/api-client';
import { beijingYear, type PilotStatusView } from '@pilot/contracts';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzTagModule } from 'ng-zorro-antd/tag';

export interface PilotStanding {
  label: '试点院校' | '非试点院校' | '尚未确定';
  color: 'green' | 'orange' | 'default';
}

/** A year is undecided until one of its batches in which the college applied has settled. */
export function standingOf(status: PilotStatusView): PilotStanding {
  if (status.pilot) return { label: '试点院校', color: 'green' };
  if (status.settledBatches > 0) return { label: '非试点院校', color: 'orange' };
  return { label: '尚未确定', color: 'default' };
}

/**
 * 试点院校资格: this year's standing with the reason in the platform's words, and the other
 * years in one line each. Shown on the workspace and on 申报证书试点.
 */
@Component({
  selector: 'portal-pilot-status',
  imports: [NzAlertModule, NzTagModule],
  templateUrl: './pilot-status.html',
  styleUrl: './pilot-status.css',
})
export class PilotStatus implements OnInit {
  private readonly api = inject(PilotStatusApi);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly years = signal<PilotStatusView[] | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly standingOf = standingOf;

  private readonly thisYear = beijingYear();
  /** The server always lists the current year; the first entry stands in should the clocks disagree. */
  protected readonly current = computed(() => {
    const years = this.years() ?? [];
    return years.find((status) => status.year === this.thisYear) ?? years[0];
  });
  protected readonly others = computed(() => (this.years() ?? []).filter((status) => status !== this.current()));

  ngOnInit(): void {
    this.api
      .list()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (years) => this.years.set(years),
        error: (err: unknown) => this.error.set(apiErrorMessage(err)),
      });
  }
}
