import { DatePipe } from '@angular/common';
import { Component, DestroyRef, OnInit, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { RegionsApi, ReviewersApi, SessionStore, apiErrorMessage, isApiError } from '@pilot/api-client';
import { DEFAULT_PAGE_SIZE, type ProvinceView, type ReviewerView } from '@pilot/contracts';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { Observable, Subscription, finalize } from 'rxjs';
import { Forbidden } from '../forbidden/forbidden';
import { isAdmin } from '../session/console-user';
import { CreatedReviewer, NewReviewerDialog } from './new-reviewer-dialog';
import { REVIEWER_ROLE_LABELS } from './reviewer-roles';

/** 审核员账号管理: administrators list the reviewer accounts, open new ones, and disable or enable them. */
@Component({
  selector: 'console-reviewers',
  imports: [
    DatePipe,
    FormsModule,
    Forbidden,
    NewReviewerDialog,
    NzAlertModule,
    NzButtonModule,
    NzIconModule,
    NzPopconfirmModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
  ],
  templateUrl: './reviewers.html',
  styleUrl: './reviewers.css',
})
export class ReviewersPage implements OnInit {
  private readonly reviewersApi = inject(ReviewersApi);
  private readonly regions = inject(RegionsApi);
  private readonly sessions = inject(SessionStore);
  private readonly destroyRef = inject(DestroyRef);
  private readonly message = inject(NzMessageService);

  protected readonly roleLabels = REVIEWER_ROLE_LABELS;
  protected readonly allowed = computed(() => isAdmin(this.sessions.user()));
  /** The server may still refuse (the role changed since sign-in); then the page says so too. */
  protected readonly refused = signal(false);

  protected readonly reviewers = signal<ReviewerView[]>([]);
  protected readonly total = signal(0);
  protected readonly pageIndex = signal(1);
  protected readonly pageSize = signal(DEFAULT_PAGE_SIZE);
  protected readonly provinceFilter = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);

  protected readonly provinces = signal<ProvinceView[]>([]);
  protected readonly creating = signal(false);
  protected readonly created = signal<CreatedReviewer | null>(null);

  /** The reviewer whose disabling or enabling is on its way: its button waits. */
  protected readonly switching = signal<string | null>(null);

  private listing: Subscription | null = null;

  ngOnInit(): void {
    if (!this.allowed()) return;
    this.regions
      .provinces()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (list) => this.provinces.set(list),
        error: (err: unknown) => this.error.set(apiErrorMessage(err)),
      });
    this.load();
  }

  protected load(): void {
    this.listing?.unsubscribe();
    this.loading.set(true);
    this.error.set(null);
    this.listing = this.reviewersApi
      .list(this.pageIndex(), this.pageSize(), this.provinceFilter() ?? undefined)
      .pipe(
        finalize(() => this.loading.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (page) => {
          this.reviewers.set(page.items);
          this.total.set(page.total);
        },
        error: (err: unknown) => {
          if (isApiError(err) && err.code === 'FORBIDDEN') this.refused.set(true);
          else this.error.set(apiErrorMessage(err));
        },
      });
  }

  protected onPageIndex(index: number): void {
    this.pageIndex.set(index);
    this.load();
  }

  protected onPageSize(size: number): void {
    this.pageSize.set(size);
    this.pageIndex.set(1);
    this.load();
  }

  protected onProvinceFilter(code: string | null): void {
    this.provinceFilter.set(code);
    this.pageIndex.set(1);
    this.load();
  }

  protected disable(reviewer: ReviewerView): void {
    this.switchAccount(reviewer, this.reviewersApi.disable(reviewer.id), `已停用审核员账号 ${reviewer.username}`);
  }

  protected enable(reviewer: ReviewerView): void {
    this.switchAccount(reviewer, this.reviewersApi.enable(reviewer.id), `已启用审核员账号 ${reviewer.username}`);
  }

  private switchAccount(reviewer: ReviewerView, request: Observable<ReviewerView>, done: string): void {
    if (this.switching()) return;
    this.switching.set(reviewer.id);
    this.error.set(null);
    request
      .pipe(
        finalize(() => this.switching.set(null)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (changed) => {
          this.reviewers.update((list) => list.map((item) => (item.id === changed.id ? changed : item)));
          this.message.success(done);
        },
        error: (err: unknown) => this.error.set(apiErrorMessage(err)),
      });
  }

  protected openCreate(): void {
    this.creating.set(true);
  }

  protected onCreated(created: CreatedReviewer): void {
    this.created.set(created);
    this.pageIndex.set(1);
    this.load();
  }
}
