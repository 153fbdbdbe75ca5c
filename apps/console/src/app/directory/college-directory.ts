import { Component, DestroyRef, OnInit, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { RegionsApi, SessionStore, apiErrorMessage } from '@pilot/api-client';
import type { DirectoryCollegeView, ProvinceView } from '@pilot/contracts';
import { PagedRows } from '@pilot/web-shell';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ImportPanel } from '../imports/import-panel';
import { KeywordSearch } from '../paging/keyword-search';
import { isAdmin } from '../session/console-user';

/**
 * 院校名录: the colleges of a province as the Ministry of Education lists them, with the
 * identification codes the public directory never shows (a college proves itself by typing its
 * code when it registers). Reviewers see their own province; administrators pick one, and keep
 * the directory by importing sheets.
 */
@Component({
  selector: 'console-college-directory',
  imports: [FormsModule, ImportPanel, KeywordSearch, NzAlertModule, NzIconModule, NzSelectModule, NzTableModule, NzTagModule],
  templateUrl: './college-directory.html',
  styleUrl: './college-directory.css',
})
export class CollegeDirectoryPage implements OnInit {
  private readonly regions = inject(RegionsApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly user = inject(SessionStore).user;

  protected readonly isAdmin = computed(() => isAdmin(this.user()));
  protected readonly provinces = signal<ProvinceView[]>([]);
  protected readonly provinceCode = signal<string | null>(this.user()?.provinceCode ?? null);
  protected readonly provinceError = signal<string | null>(null);
  private readonly keyword = signal('');
  protected readonly colleges = new PagedRows<DirectoryCollegeView>(
    // A reviewer's province is the one of their account, which the server applies.
    (page, pageSize) => this.regions.directory(this.isAdmin() ? this.provinceCode() : null, this.keyword(), page, pageSize),
    this.destroyRef,
  );

  ngOnInit(): void {
    if (!this.isAdmin()) {
      this.colleges.load();
      return;
    }
    this.regions
      .provinces()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (list) => {
          this.provinces.set(list);
          this.onProvince(list[0]?.code ?? null);
        },
        error: (err: unknown) => this.provinceError.set(apiErrorMessage(err)),
      });
  }

  protected onProvince(code: string | null): void {
    this.provinceCode.set(code);
    if (code) this.colleges.loadFirstPage();
  }

  protected search(keyword: string): void {
    this.keyword.set(keyword);
    if (this.provinceCode()) this.colleges.loadFirstPage();
  }
}
