import { Component, DestroyRef, OnInit, computed, inject, signal } from '@angular/core';
import { CatalogueApi, SessionStore } from '@pilot/api-client';
import type { CertificateView } from '@pilot/contracts';
import { PagedRows } from '@pilot/web-shell';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ImportPanel } from '../imports/import-panel';
import { KeywordSearch } from '../paging/keyword-search';
import { isAdmin } from '../session/console-user';

/** 证书目录: the 1+X certificates plans may offer; administrators keep it by importing sheets. */
@Component({
  selector: 'console-certificates',
  imports: [ImportPanel, KeywordSearch, NzAlertModule, NzIconModule, NzTableModule, NzTagModule],
  templateUrl: './certificates.html',
})
export class CertificatesPage implements OnInit {
  private readonly catalogue = inject(CatalogueApi);
  private readonly destroyRef = inject(DestroyRef);

  private readonly user = inject(SessionStore).user;

  protected readonly isAdmin = computed(() => isAdmin(this.user()));
  private readonly keyword = signal('');
  protected readonly certificates = new PagedRows<CertificateView>(
    (page, pageSize) => this.catalogue.certificates({ q: this.keyword(), page, pageSize }),
    this.destroyRef,
  );

  ngOnInit(): void {
    this.certificates.load();
  }

  protected search(keyword: string): void {
    this.keyword.set(keyword);
    this.certificates.loadFirstPage();
  }
}
