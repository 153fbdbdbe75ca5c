import { DatePipe } from '@angular/common';
import { Component, DestroyRef, OnInit, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { NotificationsApi, apiErrorMessage } from '@pilot/api-client';
import type { InAppMessagePage, InAppMessageView } from '@pilot/contracts';
import { PagedRows } from '@pilot/web-shell';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzPaginationModule } from 'ng-zorro-antd/pagination';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { finalize } from 'rxjs';
import { BEIJING_ZONE, MINUTE_FORMAT } from '../applications/application-status';
import { UnreadMessages } from './unread-messages';

/** 消息: the college's in-app messages (review results…), newest first; opening one marks it read. */
@Component({
  selector: 'portal-messages',
  imports: [DatePipe, RouterLink, NzAlertModule, NzButtonModule, NzEmptyModule, NzPaginationModule, NzSpinModule, NzTagModule],
  templateUrl: './messages.html',
  styleUrl: './messages.css',
})
export class MessagesPage implements OnInit {
  private readonly notifications = inject(NotificationsApi);
  private readonly unread = inject(UnreadMessages);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly beijing = BEIJING_ZONE;
  protected readonly minute = MINUTE_FORMAT;
  protected readonly unreadCount = signal(0);
  protected readonly messages = new PagedRows<InAppMessageView, InAppMessagePage>(
    (page, pageSize) => this.notifications.list({ page, pageSize }),
    this.destroyRef,
    (page) => {
      this.unreadCount.set(page.unread);
      this.unread.update(page.unread);
    },
  );
  protected readonly markingAll = signal(false);
  private readonly actionError = signal<string | null>(null);
  protected readonly error = computed(() => this.actionError() ?? this.messages.error());

  ngOnInit(): void {
    this.messages.load();
  }

  /** Marks the message read and goes to the application it is about, if any. */
  protected open(message: InAppMessageView): void {
    if (!message.read) {
      this.markRead(message);
    }
    if (message.applicationId) void this.router.navigate(['/applications', message.applicationId]);
  }

  protected markAllRead(): void {
    this.markingAll.set(true);
    this.actionError.set(null);
    this.notifications
      .markAllRead()
      .pipe(
        finalize(() => this.markingAll.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => this.messages.load(),
        error: (err: unknown) => this.actionError.set(apiErrorMessage(err)),
      });
  }

  private markRead(message: InAppMessageView): void {
    // Shown read at once; the bell follows once the server has it. Not tied to this page: it may be left at once.
    this.messages.rows.update((list) => list.map((m) => (m.id === message.id ? { ...m, read: true } : m)));
    this.unreadCount.update((count) => Math.max(0, count - 1));
    this.notifications.markRead(message.id).subscribe({
      next: () => this.unread.refresh(),
      error: (err: unknown) => this.actionError.set(apiErrorMessage(err)),
    });
  }
}
