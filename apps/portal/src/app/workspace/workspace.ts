import { Component, DestroyRef, OnInit, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { CollegeProfileApi, SessionStore, apiErrorMessage } from '@pilot/api-client';
import type { CollegeProfileView } from '@pilot/contracts';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzStepsModule } from 'ng-zorro-antd/steps';
import { PilotStatus } from '../pilot-status/pilot-status';

/**
 * 申报工作台 (1.1.3): 第一步 完善基础信息, 第二步 申报证书试点. Step two opens the province's
 * application plans once the basic information is in; below the steps, what the applications led
 * to: whether the college is a pilot college this year.
 */
@Component({
  selector: 'portal-workspace',
  imports: [RouterLink, NzAlertModule, NzButtonModule, NzStepsModule, PilotStatus],
  templateUrl: './workspace.html',
  styleUrl: './workspace.css',
})
export class WorkspacePage implements OnInit {
  private readonly profiles = inject(CollegeProfileApi);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly user = inject(SessionStore).user;

  protected readonly profile = signal<CollegeProfileView | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly profileComplete = computed(() => this.profile()?.complete ?? this.user()?.profileComplete ?? false);
  protected readonly collegeName = computed(() => this.profile()?.collegeName ?? this.user()?.displayName ?? '');

  ngOnInit(): void {
    this.profiles
      .get()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (profile) => this.profile.set(profile),
        error: (err: unknown) => this.error.set(apiErrorMessage(err)),
      });
  }
}
