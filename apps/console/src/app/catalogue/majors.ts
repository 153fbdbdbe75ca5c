import { Component, DestroyRef, OnInit, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { CatalogueApi, SessionStore } from '@pilot/api-client';
import { MAJOR_LEVELS, type MajorLevel, type MajorView } from '@pilot/contracts';
import { PagedRows } from '@pilot/web-shell';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { ImportPanel } from '../imports/import-panel';
import { KeywordSearch } from '../paging/keyword-search';
import { isAdmin } from '../session/console-user';

/** 专业目录: the majors colleges name when a plan asks for applications by major. */
@Component({
  selector: 'console-majors',
  imports: [FormsModule, ImportPanel, KeywordSearch, NzAlertModule, NzIconModule, NzSelectModule, NzTableModule],
  templateUrl: './majors.html',
  styleUrl: './majors.css',
})
export class MajorsPage implements OnInit {
  private readonly catalogue = inject(CatalogueApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly user = inject(SessionStore).user;

  protected readonly isAdmin = computed(() => isAdmin(this.user()));
  protected readonly levels = MAJOR_LEVELS;
  protected readonly level = signal<MajorLevel | null>(null);
  private readonly keyword = signal('');
  protected readonly majors = new PagedRows<MajorView>(
    (page, pageSize) => this.catalogue.majors({ q: this.keyword(), level: this.level() ?? undefined, page, pageSize }),
    this.destroyRef,
  );

  ngOnInit(): void {
    this.majors.load();
  }

  protected search(keyword: string): void {
    this.keyword.set(keyword);
    this.majors.loadFirstPage();
  }

  protected onLevel(level: MajorLevel | null): void {
    this.level.set(level);
    this.majors.loadFirstPage();
  }
}
