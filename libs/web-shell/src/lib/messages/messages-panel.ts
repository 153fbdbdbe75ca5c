import { DatePipe } from '@angular/common';
import { Component, DestroyRef, OnInit, computed, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { NotificationsApi, apiErrorMessage } from '@pilot/api-client';
import type { InAppMessagePage, InAppMessageView } from '@pilot/contracts';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzPaginationModule } from 'ng-zorro-antd/pagination';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { finalize } from 'rxjs';
import { PagedRows } from '../paged-rows/paged-rows';
import { UnreadMessages } from './unread-messages';

/**
 * 消息: the signed-in user's in-app messages, newest first; opening one marks it read and hands
 * it to the app (`opened`), which goes to what it is about. `linkText` names that place, for a
 * message that has one.
 */
@Component({
  selector: 'pilot-messages',
  imports: [DatePipe, RouterLink, NzAlertModule, NzButtonModule, NzEmptyModule, NzPaginationModule, NzSpinModule, NzTagModule],
  templateUrl: './messages-panel.html',
  styleUrl: './messages-panel.css',
})
export class MessagesPanel implements OnInit {
  readonly backLink = input.required<string>();
  readonly backText = input.required<string>();
  readonly linkText = input<(message: InAppMessageView) => string | null>(() => null);
  readonly opened = output<InAppMessageView>();

  private readonly notifications = inject(NotificationsApi);
  private readonly unread = inject(UnreadMessages);
  private readonly destroyRef = inject(DestroyRef);

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

  protected open(message: InAppMessageView): void {
    if (!message.read) this.markRead(message);
    this.opened.emit(message);
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
