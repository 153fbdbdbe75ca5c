import { Component, computed, input } from '@angular/core';
import type { CertificateTotals } from '@pilot/contracts';
import { NzTableModule } from 'ng-zorro-antd/table';

/** 各证书申报汇总: per certificate of a plan, the applications and headcounts in the reviewer's scope. */
@Component({
  selector: 'console-certificate-totals',
  imports: [NzTableModule],
  templateUrl: './certificate-totals.html',
  styles: `
    .sum td {
      font-weight: 600;
    }
  `,
})
export class CertificateTotalsTable {
  readonly totals = input.required<CertificateTotals[]>();
  readonly loading = input(false);

  protected readonly sum = computed(() =>
    this.totals().reduce(
      (sum, row) => ({
        applications: sum.applications + row.applications,
        plannedTrainees: sum.plannedTrainees + row.plannedTrainees,
        approvedTrainees: sum.approvedTrainees + row.approvedTrainees,
      }),
      { applications: 0, plannedTrainees: 0, approvedTrainees: 0 },
    ),
  );
}
