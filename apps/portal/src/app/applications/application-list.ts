import { Component, DestroyRef, OnInit, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { ApplicationsApi, apiErrorMessage } from '@pilot/api-client';
import {
  APPLICATION_STATUS_NAMES,
  APPLICATION_TAB_NAMES,
  type ApplicationCounts,
  type ApplicationPage,
  type ApplicationSummary,
  type ApplicationTab,
  type PlanView,
} from '@pilot/contracts';
import { APPLICATION_STATUS_COLOURS, PagedRows } from '@pilot/web-shell';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule, NzModalService } from 'ng-zorro-antd/modal';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { Observable, finalize } from 'rxjs';
import { ApplicationDialog } from './application-dialog';
import { SUBMIT_CONFIRMATION, changeable, deletable, planOpen } from './application-status';

const TABS = Object.keys(APPLICATION_TAB_NAMES) as ApplicationTab[];
const NO_COUNTS: ApplicationCounts = { all: 0, draft: 0, pending: 0, approved: 0, rejected: 0 };

/**
 * The college's applications under the plan table (manual 1.1.3): the status tabs with their
 * counts, 申报新的证书试点, and the list the server pages, 10 to a page by default.
 */
@Component({
  selector: 'portal-application-list',
  imports: [
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzIconModule,
    NzModalModule,
    NzTableModule,
    NzTabsModule,
    NzTagModule,
    ApplicationDialog,
  ],
  templateUrl: './application-list.html',
  styleUrl: './application-list.css',
})
export class ApplicationList implements OnInit {
  private readonly applications = inject(ApplicationsApi);
  private readonly modal = inject(NzModalService);
  private readonly message = inject(NzMessageService);
  private readonly destroyRef = inject(DestroyRef);

  /** The province's published plans; null until they are loaded. */
  readonly plans = input<PlanView[] | null>(null);

  protected readonly tabs = TABS;
  protected readonly tabNames = APPLICATION_TAB_NAMES;
  protected readonly statusNames = APPLICATION_STATUS_NAMES;
  protected readonly statusColours = APPLICATION_STATUS_COLOURS;

  protected readonly tab = signal<ApplicationTab>('all');
  protected readonly counts = signal<ApplicationCounts>(NO_COUNTS);
  protected readonly list = new PagedRows<ApplicationSummary, ApplicationPage>(
    (page, pageSize) => this.applications.list({ status: this.tab(), page, pageSize }),
    this.destroyRef,
    (page) => this.counts.set(page.counts),
  );
  private readonly actionError = signal<string | null>(null);
  protected readonly error = computed(() => this.actionError() ?? this.list.error());
  /** The row whose delete or submit is on its way. */
  protected readonly busyId = signal<string | null>(null);

  protected readonly openPlans = computed(() => (this.plans() ?? []).filter((plan) => plan.status === 'open'));
  protected readonly tabIndex = computed(() => TABS.indexOf(this.tab()));

  /** The dialog (and its editor) is loaded the first time it is wanted. */
  protected readonly dialogWanted = signal(false);
  protected readonly dialogOpen = signal(false);
  protected readonly editedId = signal<string | null>(null);

  ngOnInit(): void {
    this.list.load();
  }

  protected selectTab(index: number): void {
    const tab = TABS[index];
    if (!tab || tab === this.tab()) return;
    this.tab.set(tab);
    this.list.loadFirstPage();
  }

  protected canChange(row: ApplicationSummary): boolean {
    return changeable(row.status) && planOpen(this.plans() ?? [], row.planId);
  }

  protected canDelete(row: ApplicationSummary): boolean {
    return deletable(row.status);
  }

  protected openCreate(): void {
    this.editedId.set(null);
    this.openDialog();
  }

  protected openEdit(row: ApplicationSummary): void {
    this.editedId.set(row.id);
    this.openDialog();
  }

  protected confirmDelete(row: ApplicationSummary): void {
    this.modal.confirm({
      nzTitle: '删除申报',
      nzContent: `确定删除“${row.certificateName}”的申报吗？删除后不可恢复。`,
      nzOkText: '删除',
      nzOkDanger: true,
      nzCancelText: '取消',
      nzClassName: 'delete-confirm',
      nzOnOk: () => this.act(row, this.applications.delete(row.id), '已删除'),
    });
  }

  protected confirmSubmit(row: ApplicationSummary): void {
    this.modal.confirm({
      nzTitle: '提交审核',
      nzContent: SUBMIT_CONFIRMATION,
      nzOkText: '提交审核',
      nzCancelText: '取消',
      nzClassName: 'submit-confirm',
      nzOnOk: () => this.act(row, this.applications.submit(row.id), '已提交审核，请等待审核结果'),
    });
  }

  private openDialog(): void {
    this.dialogWanted.set(true);
    this.dialogOpen.set(true);
  }

  private act(row: ApplicationSummary, call: Observable<unknown>, done: string): void {
    this.busyId.set(row.id);
    this.actionError.set(null);
    call
      .pipe(
        finalize(() => this.busyId.set(null)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => {
          this.message.success(done);
          this.list.load();
        },
        error: (err: unknown) => {
          this.actionError.set(apiErrorMessage(err));
          this.list.load();
        },
      });
  }
}
