import { Injectable, computed, effect, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router } from '@angular/router';
import { NotificationsApi, SessionStore } from '@pilot/api-client';
import { EMPTY, Subject, catchError, filter, interval, merge, switchMap } from 'rxjs';
import { RECEIVES_MESSAGES } from './message-recipients';

/** Messages arrive while the user works: the count is asked again this often, and on every navigation. */
const POLL_INTERVAL_MS = 60_000;

/** How many of the signed-in user's messages are unread, for the bell in the header. */
@Injectable({ providedIn: 'root' })
export class UnreadMessages {
  private readonly notifications = inject(NotificationsApi);
  private readonly user = inject(SessionStore).user;
  private readonly receives = inject(RECEIVES_MESSAGES);
  private readonly recipient = computed(() => this.receives(this.user()));
  /** Until the initial password is replaced, the server answers nothing else. */
  private readonly reading = computed(() => this.recipient() && !this.user()?.mustChangePassword);
  private readonly asked = new Subject<void>();
  private readonly unread = signal(0);

  readonly count = this.unread.asReadonly();

  constructor() {
    const navigations = inject(Router).events.pipe(filter((event) => event instanceof NavigationEnd));
    merge(navigations, interval(POLL_INTERVAL_MS), this.asked)
      .pipe(
        filter(() => this.reading()),
        // A failed poll changes nothing on screen; the next one tries again.
        switchMap(() => this.notifications.list({ pageSize: 1 }).pipe(catchError(() => EMPTY))),
        takeUntilDestroyed(),
      )
      .subscribe((page) => this.unread.set(page.unread));
    effect(() => {
      if (!this.recipient()) this.unread.set(0);
    });
  }

  /** Asks the server again (after messages were read here). */
  refresh(): void {
    this.asked.next();
  }

  /** The count a list of messages came with is the newest there is. */
  update(count: number): void {
    this.unread.set(count);
  }
}
