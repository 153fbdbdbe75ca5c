import { Component, DestroyRef, OnInit, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { ApplicationsApi, PlansApi, RegionsApi, SessionStore, apiErrorMessage, saveFile } from '@pilot/api-client';
import {
  APPLICATION_STATUS_NAMES,
  APPLICATION_TAB_NAMES,
  MAX_PAGE_SIZE,
  type ApplicationCounts,
  type ApplicationPage,
  type ApplicationSummary,
  type CertificateTotals,
  type CityView,
  type PlanView,
} from '@pilot/contracts';
import { APPLICATION_STATUS_COLOURS, PagedRows } from '@pilot/web-shell';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { Subject, catchError, finalize, map, of, switchMap, tap } from 'rxjs';
import { Forbidden } from '../forbidden/forbidden';
import { KeywordSearch } from '../paging/keyword-search';
import { BeijingTimePipe } from './beijing-time.pipe';
import { CertificateTotalsTable } from './certificate-totals';
import { REVIEW_TABS, type ReviewFilters, type ReviewTab, filtersFromQuery, filtersToQuery, listQuery } from './review-filters';
import { awaitsReviewAt, reviewLevel } from './review-level';

const DESCRIPTIONS = {
  city: '本市院校提交的证书试点申报。地市级教育局审核通过后，申报提交省级教育行政部门审核；审核不通过时院校可修改后重新提交。',
  province:
    '本省院校提交的证书试点申报。审核通过时填写已批准培训人数，不超过拟申报培训人数和该证书在本批次的剩余指标；审核不通过时院校可修改后重新提交。',
};

/** An option of the certificate filter. */
interface CertificateOption {
  id: string;
  name: string;
  organisation: string;
}

/**
 * 申报审核: a reviewer's queue of submitted applications, filtered by plan, status, certificate,
 * city and college; the totals per certificate of the plan; the filtered list as a spreadsheet.
 */
@Component({
  selector: 'console-reviews',
  imports: [
    FormsModule,
    RouterLink,
    BeijingTimePipe,
    CertificateTotalsTable,
    Forbidden,
    KeywordSearch,
    NzAlertModule,
    NzButtonModule,
    NzIconModule,
    NzSelectModule,
    NzTableModule,
    NzTabsModule,
    NzTagModule,
  ],
  templateUrl: './reviews.html',
  styleUrl: './reviews.css',
})
export class ReviewsPage implements OnInit {
  private readonly applicationsApi = inject(ApplicationsApi);
  private readonly plansApi = inject(PlansApi);
  private readonly regions = inject(RegionsApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly message = inject(NzMessageService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly user = inject(SessionStore).user;

  protected readonly level = computed(() => reviewLevel(this.user()));
  protected readonly description = computed(() => DESCRIPTIONS[this.level() ?? 'province']);
  protected readonly tabs = REVIEW_TABS;
  protected readonly tabNames = APPLICATION_TAB_NAMES;
  protected readonly statusNames = APPLICATION_STATUS_NAMES;
  protected readonly statusColours = APPLICATION_STATUS_COLOURS;

  protected readonly filters = signal<ReviewFilters>(filtersFromQuery(this.route.snapshot.queryParamMap));
  protected readonly tabIndex = computed(() => REVIEW_TABS.indexOf(this.filters().tab));
  protected readonly counts = signal<ApplicationCounts | null>(null);
  protected readonly applications = new PagedRows<ApplicationSummary, ApplicationPage>(
    (page, pageSize) => this.applicationsApi.list({ ...listQuery(this.filters()), page, pageSize }),
    this.destroyRef,
    (answer) => this.shown(answer),
  );

  protected readonly plans = signal<PlanView[]>([]);
  protected readonly plan = computed(() => this.plans().find((plan) => plan.id === this.filters().planId) ?? null);
  protected readonly cities = signal<CityView[]>([]);
  protected readonly totals = signal<CertificateTotals[]>([]);
  protected readonly totalsLoading = signal(false);
  private readonly totalsOf = new Subject<string | undefined>();
  /** The plan's own certificates when it names them, and every certificate applied for in it. */
  protected readonly certificateOptions = computed(() => {
    const options = new Map<string, CertificateOption>();
    for (const allowed of this.plan()?.certificates ?? []) {
      options.set(allowed.certificateId, { id: allowed.certificateId, name: allowed.name, organisation: allowed.organisation });
    }
    for (const row of this.totals()) {
      options.set(row.certificateId, { id: row.certificateId, name: row.certificateName, organisation: row.organisation });
    }
    return [...options.values()];
  });

  protected readonly exporting = signal(false);
  private readonly pageError = signal<string | null>(null);
  protected readonly error = computed(() => this.pageError() ?? this.applications.error());

  ngOnInit(): void {
    const level = this.level();
    if (!level) return;
    this.watchTotals();
    const provinceCode = this.user()?.provinceCode;
    if (level === 'province' && provinceCode) {
      this.regions
        .cities(provinceCode)
        .pipe(takeUntilDestroyed(this.destroyRef))
        .subscribe({
          next: (cities) => this.cities.set(cities),
          error: (err: unknown) => this.pageError.set(apiErrorMessage(err)),
        });
    }
    this.loadPlans();
  }

  protected tabTitle(tab: ReviewTab): string {
    const count = this.counts()?.[tab];
    return count === undefined ? this.tabNames[tab] : `${this.tabNames[tab]}（${count}）`;
  }

  protected awaitsMe(application: ApplicationSummary): boolean {
    return awaitsReviewAt(this.level(), application);
  }

  protected onTab(index: number): void {
    const tab = REVIEW_TABS[index];
    if (tab && tab !== this.filters().tab) this.filter({ tab });
  }

  protected onPlan(planId: string): void {
    // A certificate of the plan before may not be in this one.
    this.filter({ planId, certificateId: undefined });
    this.loadTotals();
  }

  protected onCertificate(certificateId: string | null): void {
    this.filter({ certificateId: certificateId ?? undefined });
  }

  protected onCity(cityCode: string | null): void {
    this.filter({ cityCode: cityCode ?? undefined });
  }

  protected onCollegeName(collegeName: string): void {
    this.filter({ collegeName: collegeName || undefined });
  }

  protected onPage(page: number): void {
    this.filters.update((filters) => ({ ...filters, page }));
    this.keepInAddress();
    this.applications.changePage(page);
  }

  protected onPageSize(size: number): void {
    this.filters.update((filters) => ({ ...filters, page: 1 }));
    this.keepInAddress();
    this.applications.changePageSize(size);
  }

  /** 导出: the whole filtered list, every page, as the server writes it. */
  protected export(): void {
    if (this.exporting()) return;
    this.exporting.set(true);
    const name = `${this.plan()?.name ?? ''}申报列表.xlsx`;
    this.applicationsApi
      .export(listQuery(this.filters()))
      .pipe(
        finalize(() => this.exporting.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (blob) => saveFile(blob, name),
        error: (err: unknown) => this.message.error(apiErrorMessage(err)),
      });
  }

  private filter(change: Partial<ReviewFilters>): void {
    this.filters.update((filters) => ({ ...filters, ...change, page: 1 }));
    this.keepInAddress();
    this.applications.loadFirstPage();
  }

  private shown(answer: ApplicationPage): void {
    this.counts.set(answer.counts);
    // The list stepped back a page (its last row left the queue): the address follows.
    if (answer.page !== this.filters().page) {
      this.filters.update((filters) => ({ ...filters, page: answer.page }));
      this.keepInAddress();
    }
  }

  private keepInAddress(): void {
    void this.router.navigate([], { queryParams: filtersToQuery(this.filters()), replaceUrl: true });
  }

  /** The published plans in scope, newest first; the queue opens on the newest unless the address names one. */
  private loadPlans(): void {
    this.plansApi
      .list({ pageSize: MAX_PAGE_SIZE })
      .pipe(
        map((page) => page.items.filter((plan) => plan.published)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (plans) => {
          this.plans.set(plans);
          const named = plans.some((plan) => plan.id === this.filters().planId);
          if (!named) this.filters.update((filters) => ({ ...filters, planId: plans[0]?.id, certificateId: undefined }));
          this.keepInAddress();
          this.applications.pageIndex.set(this.filters().page);
          this.applications.load();
          this.loadTotals();
        },
        error: (err: unknown) => this.pageError.set(apiErrorMessage(err)),
      });
  }

  private loadTotals(): void {
    this.totalsOf.next(this.filters().planId);
  }

  /** Only the latest plan's totals count: a slow answer for the plan before never replaces them. */
  private watchTotals(): void {
    this.totalsOf
      .pipe(
        tap(() => this.totals.set([])),
        switchMap((planId) => {
          if (!planId) return of([]);
          this.totalsLoading.set(true);
          return this.applicationsApi.certificateTotals(planId).pipe(
            catchError((err: unknown) => {
              this.pageError.set(apiErrorMessage(err));
              return of([]);
            }),
            finalize(() => this.totalsLoading.set(false)),
          );
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((totals) => this.totals.set(totals));
  }
}
