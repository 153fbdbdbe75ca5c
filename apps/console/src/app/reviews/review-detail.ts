import { Location } from '@angular/common';
import { Component, DestroyRef, OnInit, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import { ApplicationsApi, FilesApi, SessionStore, apiErrorMessage, isApiError } from '@pilot/api-client';
import { APPLICATION_STATUS_NAMES, historyActionName, type ApplicationView, type EvidenceFileView, type ReviewDecision } from '@pilot/contracts';
import { APPLICATION_STATUS_COLOURS, HISTORY_ACTION_COLOURS } from '@pilot/web-shell';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTimelineModule } from 'ng-zorro-antd/timeline';
import { Forbidden } from '../forbidden/forbidden';
import { BeijingTimePipe } from './beijing-time.pipe';
import { ReviewDecisionDialog } from './review-decision';
import { awaitsReviewAt, reviewLevel } from './review-level';

const DECIDED: Record<ReviewDecision, string> = { approve: '已审核通过', reject: '已审核不通过' };

/**
 * One application as its reviewers see it: what the college wrote (rendered rich texts, evidence
 * files to download), its history, and 审核通过 / 审核不通过 while it waits for this reviewer's level.
 */
@Component({
  selector: 'console-review-detail',
  imports: [
    BeijingTimePipe,
    Forbidden,
    ReviewDecisionDialog,
    NzAlertModule,
    NzButtonModule,
    NzDescriptionsModule,
    NzIconModule,
    NzResultModule,
    NzSpinModule,
    NzTagModule,
    NzTimelineModule,
  ],
  templateUrl: './review-detail.html',
  styleUrl: './review-detail.css',
})
export class ReviewDetailPage implements OnInit {
  private readonly applications = inject(ApplicationsApi);
  private readonly files = inject(FilesApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly location = inject(Location);
  private readonly message = inject(NzMessageService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly user = inject(SessionStore).user;

  protected readonly level = computed(() => reviewLevel(this.user()));
  protected readonly statusNames = APPLICATION_STATUS_NAMES;
  protected readonly statusColours = APPLICATION_STATUS_COLOURS;
  protected readonly historyColours = HISTORY_ACTION_COLOURS;
  protected readonly actionName = historyActionName;

  protected readonly application = signal<ApplicationView | null>(null);
  protected readonly loading = signal(true);
  protected readonly missing = signal(false);
  protected readonly refused = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly awaitsMe = computed(() => {
    const application = this.application();
    return !!application && awaitsReviewAt(this.level(), application);
  });
  /** Newest first, as a reviewer reads a trail: the latest decision on top. */
  protected readonly history = computed(() => [...(this.application()?.history ?? [])].reverse());

  protected readonly deciding = signal(false);
  protected readonly decision = signal<ReviewDecision>('approve');

  private readonly id = this.route.snapshot.paramMap.get('id') ?? '';

  ngOnInit(): void {
    if (this.level()) this.load();
  }

  protected back(): void {
    // Back to the queue as it was left (its filters live in its address); to a fresh one otherwise.
    if (this.router.lastSuccessfulNavigation()?.previousNavigation) this.location.back();
    else void this.router.navigate(['/reviews']);
  }

  protected decide(decision: ReviewDecision): void {
    this.error.set(null);
    this.decision.set(decision);
    this.deciding.set(true);
  }

  protected onDecided(application: ApplicationView): void {
    this.application.set(application);
    this.message.success(DECIDED[this.decision()]);
  }

  /** Refused: the application may have moved on (decided by a colleague, resubmitted…); show it as it is now. */
  protected onRefused(reason: string): void {
    this.load(reason);
  }

  protected download(file: EvidenceFileView): void {
    this.error.set(null);
    this.files
      .save(file)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({ error: (err: unknown) => this.error.set(apiErrorMessage(err)) });
  }

  protected size(bytes: number): string {
    return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  }

  /** `refusal`: the server's word on a decision it refused, for the page once the dialog has closed. */
  private load(refusal?: string): void {
    this.loading.set(true);
    this.applications
      .get(this.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (application) => {
          this.loading.set(false);
          this.application.set(application);
          // No longer this level's decision to make: the dialog closes and the page keeps the refusal.
          if (this.deciding() && !awaitsReviewAt(this.level(), application)) {
            this.deciding.set(false);
            if (refusal) this.error.set(refusal);
          }
        },
        error: (err: unknown) => {
          this.loading.set(false);
          if (isApiError(err) && err.code === 'APPLICATION_NOT_FOUND') this.missing.set(true);
          else if (isApiError(err) && err.code === 'FORBIDDEN') this.refused.set(true);
          else this.error.set(apiErrorMessage(err));
        },
      });
  }
}
