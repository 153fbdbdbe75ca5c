import { Component, DestroyRef, OnInit, computed, effect, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Router, RouterLink, RouterOutlet } from '@angular/router';
import { AuthApi, SessionStore, isApiError } from '@pilot/api-client';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzLayoutModule } from 'ng-zorro-antd/layout';
import { NzMenuModule } from 'ng-zorro-antd/menu';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { isAdmin, isProvinceReviewer, isReviewer, readsAuditLog, roleName, scopeName } from '../session/console-user';

/** The signed-in console: who is working and where, the menu, and the page. */
@Component({
  selector: 'console-frame',
  imports: [RouterLink, RouterOutlet, NzIconModule, NzLayoutModule, NzMenuModule, NzTagModule],
  templateUrl: './frame.html',
  styleUrl: './frame.css',
})
export class Frame implements OnInit {
  private readonly auth = inject(AuthApi);
  private readonly sessions = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly user = this.sessions.user;
  protected readonly roleName = computed(() => {
    const user = this.user();
    return user ? roleName(user) : '';
  });
  protected readonly scopeName = computed(() => {
    const user = this.user();
    return user ? scopeName(user) : '';
  });
  protected readonly isAdmin = computed(() => isAdmin(this.user()));
  /** Only the reviewing departments review applications; administrators keep the platform. */
  protected readonly isReviewer = computed(() => isReviewer(this.user()));
  protected readonly isProvinceReviewer = computed(() => isProvinceReviewer(this.user()));
  protected readonly readsAuditLog = computed(() => readsAuditLog(this.user()));
  /** Until the initial password is changed, the other pages stay closed, so the menu hides them. */
  protected readonly passwordPending = computed(() => !!this.user()?.mustChangePassword);

  constructor() {
    // Signing out, here or in the header, or a session the server no longer honours.
    effect(() => {
      if (!this.sessions.signedIn()) void this.router.navigate(['/login']);
    });
  }

  ngOnInit(): void {
    // The stored user may be stale (a role or scope changed since); ask the server once.
    this.auth
      .me()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        error: (error: unknown) => {
          if (isApiError(error) && error.status === 401) this.sessions.end();
        },
      });
  }
}
