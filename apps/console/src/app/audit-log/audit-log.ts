import { Component, DestroyRef, OnInit, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { AuditLogApi, SessionStore, apiErrorMessage, saveFile, type AuditLogFilters } from '@pilot/api-client';
import {
  AUDIT_ACTIONS,
  AUDIT_ACTION_KEYS,
  AUDIT_OUTCOMES,
  AUDIT_OUTCOME_KEYS,
  AUDIT_TARGET_TYPES,
  AUDIT_TARGET_TYPE_KEYS,
  ROLE_NAMES,
  beijingSecond,
  errorMessageOf,
  type AuditAction,
  type AuditEntryView,
  type AuditEntryPage,
  type AuditOutcome,
  type AuditTargetType,
} from '@pilot/contracts';
import { PagedRows } from '@pilot/web-shell';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { finalize } from 'rxjs';
import { Forbidden } from '../forbidden/forbidden';
import { beijingDay } from '../plans/beijing-time';
import { readsAuditLog } from '../session/console-user';

const DESCRIPTIONS = {
  admin: '平台上每一次登录、账号变更、申报计划和申报的变更与审核、目录导入，含操作人、IP地址和关联编号。日志只增不改。',
  province: '本省的操作记录：本省人员的操作，以及针对本省账号、院校、计划和申报的操作。日志只增不改。',
};

/**
 * 操作日志: who did what, when, from where, and how it ended. Administrators read all of it,
 * province reviewers their province's; filters, pages of the newest first, and an export.
 */
@Component({
  selector: 'console-audit-log',
  imports: [
    FormsModule,
    Forbidden,
    NzAlertModule,
    NzButtonModule,
    NzDatePickerModule,
    NzIconModule,
    NzInputModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
  ],
  templateUrl: './audit-log.html',
  styleUrl: './audit-log.css',
})
export class AuditLogPage implements OnInit {
  private readonly api = inject(AuditLogApi);
  private readonly message = inject(NzMessageService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly user = inject(SessionStore).user;

  protected readonly allowed = computed(() => readsAuditLog(this.user()));
  protected readonly description = computed(() => (this.user()?.role === 'admin' ? DESCRIPTIONS.admin : DESCRIPTIONS.province));

  protected readonly actions = AUDIT_ACTION_KEYS.map((key) => ({ key, name: AUDIT_ACTIONS[key] }));
  protected readonly targetTypes = AUDIT_TARGET_TYPE_KEYS.map((key) => ({ key, name: AUDIT_TARGET_TYPES[key] }));
  protected readonly outcomes = AUDIT_OUTCOME_KEYS.map((key) => ({ key, name: AUDIT_OUTCOMES[key] }));

  // The filters as the reviewer sets them; they apply on 查询.
  protected readonly range = signal<Date[]>([]);
  protected readonly action = signal<AuditAction | null>(null);
  protected readonly actor = signal('');
  protected readonly targetType = signal<AuditTargetType | null>(null);
  protected readonly target = signal('');
  protected readonly outcome = signal<AuditOutcome | null>(null);

  private readonly applied = signal<AuditLogFilters>({});
  protected readonly entries = new PagedRows<AuditEntryView, AuditEntryPage>(
    (page, pageSize) => this.api.list({ ...this.applied(), page, pageSize }),
    this.destroyRef,
  );
  protected readonly exporting = signal(false);

  ngOnInit(): void {
    if (this.allowed()) this.entries.load();
  }

  protected search(): void {
    const [from, to] = this.range();
    this.applied.set({
      from: from ? beijingDay(from).start : undefined,
      to: to ? beijingDay(to).end : undefined,
      action: this.action() ?? undefined,
      actor: this.actor().trim() || undefined,
      targetType: this.targetType() ?? undefined,
      target: this.target().trim() || undefined,
      outcome: this.outcome() ?? undefined,
    });
    this.entries.loadFirstPage();
  }

  protected reset(): void {
    this.range.set([]);
    this.action.set(null);
    this.actor.set('');
    this.targetType.set(null);
    this.target.set('');
    this.outcome.set(null);
    this.search();
  }

  /** 导出: every entry under the filters applied, as the server writes them. */
  protected export(): void {
    if (this.exporting()) return;
    this.exporting.set(true);
    this.api
      .export(this.applied())
      .pipe(
        finalize(() => this.exporting.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (blob) => saveFile(blob, `操作日志${beijingSecond(new Date()).slice(0, 10)}.xlsx`),
        error: (err: unknown) => this.message.error(apiErrorMessage(err)),
      });
  }

  protected time(entry: AuditEntryView): string {
    return beijingSecond(entry.at);
  }

  protected actionName(entry: AuditEntryView): string {
    return AUDIT_ACTIONS[entry.action] ?? entry.action;
  }

  protected outcomeName(entry: AuditEntryView): string {
    return AUDIT_OUTCOMES[entry.outcome];
  }

  protected failure(entry: AuditEntryView): string | null {
    return entry.errorCode ? errorMessageOf(entry.errorCode) : null;
  }

  protected roleName(entry: AuditEntryView): string {
    return entry.actor.role ? ROLE_NAMES[entry.actor.role] : '';
  }

  protected scope(entry: AuditEntryView): string {
    const { provinceName, provinceCode, cityName, cityCode } = entry.scope;
    return [provinceName ?? provinceCode, cityName ?? cityCode].filter(Boolean).join(' · ');
  }

  protected targetTypeName(entry: AuditEntryView): string {
    return entry.target ? AUDIT_TARGET_TYPES[entry.target.type] : '';
  }
}
