import { Component, DestroyRef, ElementRef, inject, input, output, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ImportsApi, apiErrorMessage, saveFile } from '@pilot/api-client';
import { IMPORT_MAX_BYTES, type ImportKind, type ImportReport } from '@pilot/contracts';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTableModule } from 'ng-zorro-antd/table';
import { finalize } from 'rxjs';

const WHAT_IS_IMPORTED: Record<ImportKind, string> = {
  certificates: '证书目录',
  majors: '专业目录',
  colleges: '院校名录',
};

const TOO_LARGE = `文件过大，请上传不超过${IMPORT_MAX_BYTES / 1024 / 1024}MB的表格`;

/**
 * 导入 for administrators: a CSV or XLSX sheet laid out as the template, and afterwards what
 * became of its rows: the counts, and every row not taken with its reason (行号 | 原因).
 */
@Component({
  selector: 'console-import-panel',
  imports: [NzAlertModule, NzButtonModule, NzIconModule, NzTableModule],
  templateUrl: './import-panel.html',
  styleUrl: './import-panel.css',
})
export class ImportPanel {
  private readonly imports = inject(ImportsApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly fileInput = viewChild.required<ElementRef<HTMLInputElement>>('file');

  readonly kind = input.required<ImportKind>();
  /** Rows were created or updated: the list beside the panel is stale. */
  readonly imported = output<ImportReport>();

  protected readonly uploading = signal(false);
  protected readonly fileName = signal<string | null>(null);
  protected readonly report = signal<ImportReport | null>(null);
  protected readonly error = signal<string | null>(null);

  protected pick(): void {
    this.fileInput().nativeElement.click();
  }

  protected onFile(event: Event): void {
    const field = event.target as HTMLInputElement;
    const file = field.files?.[0];
    // The same file may be picked again after it is fixed: the field must not keep it.
    field.value = '';
    if (!file) return;
    this.report.set(null);
    this.fileName.set(file.name);
    if (file.size > IMPORT_MAX_BYTES) {
      this.error.set(TOO_LARGE);
      return;
    }
    this.error.set(null);
    this.uploading.set(true);
    this.imports
      .upload(this.kind(), file)
      .pipe(
        finalize(() => this.uploading.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (report) => {
          this.report.set(report);
          if (report.created + report.updated > 0) this.imported.emit(report);
        },
        error: (err: unknown) => this.error.set(apiErrorMessage(err)),
      });
  }

  protected downloadTemplate(): void {
    this.error.set(null);
    this.imports
      .template(this.kind())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (blob) => saveFile(blob, `${WHAT_IS_IMPORTED[this.kind()]}导入模板.csv`),
        error: (err: unknown) => this.error.set(apiErrorMessage(err)),
      });
  }

  protected close(): void {
    this.report.set(null);
    this.fileName.set(null);
  }
}
