import { Component, DestroyRef, OnInit, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RegionsApi, apiErrorMessage } from '@pilot/api-client';
import type { ProvinceView } from '@pilot/contracts';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTableModule } from 'ng-zorro-antd/table';
import { finalize } from 'rxjs';

/** The provincial education departments (one per province), from the directory. */
@Component({
  selector: 'console-provinces',
  imports: [NzAlertModule, NzButtonModule, NzIconModule, NzTableModule],
  templateUrl: './provinces.html',
  styleUrl: './provinces.css',
})
export class ProvincesPage implements OnInit {
  private readonly regions = inject(RegionsApi);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly provinces = signal<ProvinceView[]>([]);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.error.set(null);
    this.regions
      .provinces()
      .pipe(
        finalize(() => this.loading.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (list) => this.provinces.set(list),
        error: (err: unknown) => this.error.set(apiErrorMessage(err)),
      });
  }
}
