import { DatePipe } from '@angular/common';
import { Component, DestroyRef, OnInit, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { ApplicationsApi, FilesApi, apiErrorMessage } from '@pilot/api-client';
import { APPLICATION_STATUS_NAMES, historyActionName, type ApplicationView, type EvidenceFileView } from '@pilot/contracts';
import { APPLICATION_STATUS_COLOURS, HISTORY_ACTION_COLOURS } from '@pilot/web-shell';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTimelineModule } from 'ng-zorro-antd/timeline';
import { finalize } from 'rxjs';
import { BEIJING_ZONE, MINUTE_FORMAT } from './application-status';

function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * One application as the college filled it in, where it stands (1.1.4 等待申报审核), the reason
 * when it was not approved, and every step of its history.
 */
@Component({
  selector: 'portal-application-detail',
  imports: [
    DatePipe,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzDescriptionsModule,
    NzIconModule,
    NzSpinModule,
    NzTagModule,
    NzTimelineModule,
  ],
  templateUrl: './application-detail.html',
  styleUrl: './application-detail.css',
})
export class ApplicationDetailPage implements OnInit {
  private readonly applications = inject(ApplicationsApi);
  private readonly files = inject(FilesApi);
  private readonly route = inject(ActivatedRoute);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly statusNames = APPLICATION_STATUS_NAMES;
  protected readonly statusColours = APPLICATION_STATUS_COLOURS;
  protected readonly historyColours = HISTORY_ACTION_COLOURS;
  protected readonly beijing = BEIJING_ZONE;
  protected readonly minute = MINUTE_FORMAT;
  protected readonly action = historyActionName;
  protected readonly size = fileSize;

  protected readonly application = signal<ApplicationView | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly fileError = signal<string | null>(null);
  protected readonly history = computed(() =>
    [...(this.application()?.history ?? [])].sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime()),
  );

  ngOnInit(): void {
    this.route.paramMap.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((params) => this.load(params.get('id') ?? ''));
  }

  protected load(id = this.application()?.id ?? this.route.snapshot.paramMap.get('id') ?? ''): void {
    this.loading.set(true);
    this.error.set(null);
    this.applications
      .get(id)
      .pipe(
        finalize(() => this.loading.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (application) => this.application.set(application),
        error: (err: unknown) => this.error.set(apiErrorMessage(err)),
      });
  }

  protected download(file: EvidenceFileView): void {
    this.fileError.set(null);
    this.files
      .save(file)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({ error: (err: unknown) => this.fileError.set(apiErrorMessage(err)) });
  }
}
