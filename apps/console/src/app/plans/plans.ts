import { Component, DestroyRef, OnInit, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { PlansApi, RegionsApi, SessionStore, apiErrorMessage } from '@pilot/api-client';
import { PLAN_STATUS_NAMES, type PlanStatus, type PlanView, type ProvinceView } from '@pilot/contracts';
import { PagedRows } from '@pilot/web-shell';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { Observable } from 'rxjs';
import { Forbidden } from '../forbidden/forbidden';
import { isAdmin } from '../session/console-user';
import { PlanDialog } from './plan-dialog';

const STATUS_COLOURS: Record<PlanStatus, string> = { not_started: 'blue', open: 'green', closed: 'default' };

/** The words shown before publishing: what it does, and what it rules out afterwards. */
export const PUBLISH_WARNING = '发布后院校即可看到该计划，发布后只能延长截止时间';

/**
 * 申报计划: a province's application batches. Its province reviewers write, publish and delete
 * them; city reviewers read their province's published ones, administrators any province's.
 */
@Component({
  selector: 'console-plans',
  imports: [
    FormsModule,
    Forbidden,
    PlanDialog,
    NzAlertModule,
    NzButtonModule,
    NzIconModule,
    NzPopconfirmModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
  ],
  templateUrl: './plans.html',
  styleUrl: './plans.css',
})
export class PlansPage implements OnInit {
  private readonly plansApi = inject(PlansApi);
  private readonly regions = inject(RegionsApi);
  private readonly message = inject(NzMessageService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly user = inject(SessionStore).user;

  protected readonly statusNames = PLAN_STATUS_NAMES;
  protected readonly statusColours = STATUS_COLOURS;
  protected readonly publishWarning = PUBLISH_WARNING;
  protected readonly isAdmin = computed(() => isAdmin(this.user()));
  protected readonly canEdit = computed(() => this.user()?.role === 'province_reviewer');

  protected readonly provinceFilter = signal<string | null>(null);
  protected readonly provinces = signal<ProvinceView[]>([]);
  protected readonly provinceNames = computed(() => new Map(this.provinces().map((p) => [p.code, p.name])));
  protected readonly plans = new PagedRows<PlanView>(
    (page, pageSize) => this.plansApi.list({ page, pageSize, provinceCode: this.provinceFilter() ?? undefined }),
    this.destroyRef,
  );
  protected readonly expanded = signal<ReadonlySet<string>>(new Set());
  /** A publishing or deleting is on its way: a second click waits for the first to finish. */
  private busy = false;
  protected readonly actionError = signal<string | null>(null);
  protected readonly error = computed(() => this.actionError() ?? this.plans.error());

  protected readonly editing = signal(false);
  protected readonly editedPlan = signal<PlanView | null>(null);

  ngOnInit(): void {
    if (this.isAdmin()) {
      this.regions
        .provinces()
        .pipe(takeUntilDestroyed(this.destroyRef))
        .subscribe({
          next: (list) => this.provinces.set(list),
          error: (err: unknown) => this.actionError.set(apiErrorMessage(err)),
        });
    }
    this.plans.load();
  }

  protected onProvinceFilter(code: string | null): void {
    this.provinceFilter.set(code);
    this.plans.loadFirstPage();
  }

  protected toggle(plan: PlanView, open: boolean): void {
    this.expanded.update((ids) => {
      const next = new Set(ids);
      if (open) next.add(plan.id);
      else next.delete(plan.id);
      return next;
    });
  }

  protected openCreate(): void {
    this.editedPlan.set(null);
    this.editing.set(true);
  }

  protected openEdit(plan: PlanView): void {
    this.editedPlan.set(plan);
    this.editing.set(true);
  }

  protected onSaved(plan: PlanView): void {
    this.message.success(this.editedPlan() ? `已保存申报计划 ${plan.name}` : `已创建申报计划 ${plan.name}，发布后院校才能看到`);
    this.plans.load();
  }

  /** Not once published; and never after colleges may have applied (the window has started). */
  protected deletable(plan: PlanView): boolean {
    return !plan.published || plan.status === 'not_started';
  }

  protected publish(plan: PlanView): void {
    this.act(this.plansApi.publish(plan.id), `已发布申报计划 ${plan.name}`);
  }

  protected remove(plan: PlanView): void {
    this.act(this.plansApi.delete(plan.id), `已删除申报计划 ${plan.name}`);
  }

  private act(request: Observable<unknown>, done: string): void {
    if (this.busy) return;
    this.busy = true;
    this.actionError.set(null);
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: () => {
        this.busy = false;
        this.message.success(done);
        this.plans.load();
      },
      error: (err: unknown) => {
        this.busy = false;
        this.actionError.set(apiErrorMessage(err));
        // What refused it (published meanwhile, the window started…) shows once the list is fresh.
        this.plans.load();
      },
    });
  }
}
