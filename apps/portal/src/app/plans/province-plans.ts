import { Component, DestroyRef, OnInit, computed, inject, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { PlansApi, RegionsApi, SessionStore, apiErrorMessage } from '@pilot/api-client';
import { MAX_PAGE_SIZE, PLAN_STATUS_NAMES, type PlanView, type ProvinceView } from '@pilot/contracts';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzTableModule } from 'ng-zorro-antd/table';
import { forkJoin, map } from 'rxjs';
import { newestFirst, openPlan, planNotice } from './plan-notice';

/**
 * The plan part of 申报证书试点 (manual 1.1.3): "<省级教育行政部门>的申报计划 <申报批次>", the
 * province's published batches, whether one is open now, and the manual's notes.
 */
@Component({
  selector: 'portal-province-plans',
  imports: [NzAlertModule, NzButtonModule, NzTableModule],
  templateUrl: './province-plans.html',
  styleUrl: './province-plans.css',
})
export class ProvincePlans implements OnInit {
  private readonly plansApi = inject(PlansApi);
  private readonly regions = inject(RegionsApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly user = inject(SessionStore).user;

  /** The province's published plans, each time they arrive: the application list below needs them too. */
  readonly loaded = output<PlanView[]>();

  protected readonly statusNames = PLAN_STATUS_NAMES;
  protected readonly province = signal<ProvinceView | null>(null);
  protected readonly plans = signal<PlanView[] | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);

  protected readonly rows = computed(() => newestFirst(this.plans() ?? []));
  protected readonly open = computed(() => openPlan(this.plans() ?? []));
  protected readonly notice = computed(() => {
    const plans = this.plans();
    return plans ? planNotice(plans) : null;
  });

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    const provinceCode = this.user()?.provinceCode ?? '';
    this.loading.set(true);
    this.error.set(null);
    // A college sees its own province's published batches, one or two a year: one page holds them all.
    forkJoin({
      province: this.regions.provinces().pipe(map((list) => list.find((p) => p.code === provinceCode) ?? null)),
      plans: this.plansApi.list({ pageSize: MAX_PAGE_SIZE }),
    })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: ({ province, plans }) => {
          this.loading.set(false);
          this.province.set(province);
          this.plans.set(plans.items);
          this.loaded.emit(plans.items);
        },
        error: (err: unknown) => {
          this.loading.set(false);
          this.error.set(apiErrorMessage(err));
        },
      });
  }
}
