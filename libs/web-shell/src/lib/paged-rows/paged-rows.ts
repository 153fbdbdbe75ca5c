import { DestroyRef, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { apiErrorMessage, isApiError } from '@pilot/api-client';
import { DEFAULT_PAGE_SIZE, type Page } from '@pilot/contracts';
import { Observable, Subscription, finalize } from 'rxjs';

/**
 * The rows of a list the server pages: which page is shown, whether it is loading, what went
 * wrong. Only the latest request counts, so a slow answer for an older search never replaces
 * a newer one.
 */
export class PagedRows<T, P extends Page<T> = Page<T>> {
  readonly rows = signal<T[]>([]);
  readonly total = signal(0);
  readonly pageIndex = signal(1);
  readonly pageSize = signal(DEFAULT_PAGE_SIZE);
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);
  /** The server refused the role (it changed since sign-in); a page that can, says so. */
  readonly refused = signal(false);

  private request: Subscription | null = null;

  /** `shown` takes what a shown page carries besides its rows (tab counts, unread messages). */
  constructor(
    private readonly fetch: (page: number, pageSize: number) => Observable<P>,
    private readonly destroyRef: DestroyRef,
    private readonly shown?: (page: P) => void,
  ) {}

  load(): void {
    this.request?.unsubscribe();
    this.loading.set(true);
    this.error.set(null);
    this.request = this.fetch(this.pageIndex(), this.pageSize())
      .pipe(
        finalize(() => this.loading.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (page) => {
          // The last row of the last page went (deleted, or moved to another tab): show the page before.
          const lastPage = Math.max(1, Math.ceil(page.total / this.pageSize()));
          if (page.items.length === 0 && this.pageIndex() > lastPage) {
            this.changePage(lastPage);
            return;
          }
          this.rows.set(page.items);
          this.total.set(page.total);
          this.shown?.(page);
        },
        error: (err: unknown) => {
          if (isApiError(err) && err.code === 'FORBIDDEN') this.refused.set(true);
          this.error.set(apiErrorMessage(err));
        },
      });
  }

  /** A new search or filter starts again at its first page. */
  loadFirstPage(): void {
    this.pageIndex.set(1);
    this.load();
  }

  changePage(index: number): void {
    this.pageIndex.set(index);
    this.load();
  }

  changePageSize(size: number): void {
    this.pageSize.set(size);
    this.loadFirstPage();
  }
}
