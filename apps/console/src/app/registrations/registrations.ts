import { DatePipe } from '@angular/common';
import { Component, DestroyRef, OnInit, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute } from '@angular/router';
import { RegistrationsApi, SessionStore, apiErrorMessage } from '@pilot/api-client';
import type { RegistrationView } from '@pilot/contracts';
import { PagedRows } from '@pilot/web-shell';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { finalize } from 'rxjs';
import { Forbidden } from '../forbidden/forbidden';
import { isProvinceReviewer } from '../session/console-user';

type StatusFilter = RegistrationView['status'] | null;

/**
 * 院校注册: the colleges that registered in the reviewer's province, newest first. Anyone holding a
 * phone could claim a college that had not registered yet, so the province checks each one
 * (it is told of each in its messages) and revokes a wrong claim here: the account is disabled
 * at once, the college may register again, and the phone it was registered with is told by SMS.
 */
@Component({
  selector: 'console-registrations',
  imports: [DatePipe, FormsModule, Forbidden, NzAlertModule, NzIconModule, NzPopconfirmModule, NzSelectModule, NzTableModule, NzTagModule, NzTooltipModule],
  templateUrl: './registrations.html',
  styleUrl: './registrations.css',
})
export class RegistrationsPage implements OnInit {
  private readonly api = inject(RegistrationsApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly user = inject(SessionStore).user;

  protected readonly allowed = computed(() => isProvinceReviewer(this.user()));
  /** The college a message pointed at, shown marked in the list. */
  protected readonly pointedAt = signal<string | null>(inject(ActivatedRoute).snapshot.queryParamMap.get('college'));
  protected readonly status = signal<StatusFilter>(null);
  protected readonly registrations = new PagedRows<RegistrationView>(
    (page, pageSize) => this.api.list({ page, pageSize, status: this.status() ?? undefined }),
    this.destroyRef,
  );
  protected readonly revoking = signal<string | null>(null);
  protected readonly revoked = signal<RegistrationView | null>(null);
  private readonly actionError = signal<string | null>(null);
  protected readonly error = computed(() => this.actionError() ?? this.registrations.error());

  ngOnInit(): void {
    if (this.allowed()) this.registrations.load();
  }

  protected onStatus(status: StatusFilter): void {
    this.status.set(status);
    this.registrations.loadFirstPage();
  }

  protected revoke(registration: RegistrationView): void {
    this.revoking.set(registration.id);
    this.actionError.set(null);
    this.revoked.set(null);
    this.api
      .revoke(registration.id)
      .pipe(
        finalize(() => this.revoking.set(null)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (done) => {
          this.revoked.set(done);
          this.registrations.rows.update((rows) => rows.map((row) => (row.id === done.id ? done : row)));
        },
        error: (err: unknown) => this.actionError.set(apiErrorMessage(err)),
      });
  }
}
