import { Component, DestroyRef, OnInit, computed, effect, inject, input, model, output, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { ApplicationsApi, CatalogueApi, FilesApi, apiErrorMessage, fieldErrors } from '@pilot/api-client';
import {
  ErrorCatalog,
  MAX_EVIDENCE_FILES,
  MAX_EVIDENCE_FILE_BYTES,
  MAX_PLANNED_TRAINEES,
  type ApplicationView,
  type EvidenceFileView,
  type MajorView,
  type PlanView,
} from '@pilot/contracts';
import { revealErrors } from '@pilot/web-shell';
import { QuillEditorComponent } from 'ngx-quill';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule, NzModalService } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzUploadChangeParam, NzUploadFile, NzUploadModule, NzUploadXHRArgs } from 'ng-zorro-antd/upload';
import { Observable, Subject, Subscription, catchError, debounceTime, finalize, map, of, switchMap, tap } from 'rxjs';
import { openPlan } from '../plans/plan-notice';
import {
  APPLICATION_FORM_TIPS,
  applicationChange,
  applicationFields,
  applicationForm,
  fillApplicationForm,
  majorsRule,
} from './application-form';
import { SUBMIT_CONFIRMATION } from './application-status';
import { RICH_TEXT_FORMATS, RICH_TEXT_MODULES, richTextValue } from './rich-text';

/** How many catalogue matches a search select offers at once. */
const MATCHES = 20;
const EVIDENCE_EXTENSIONS = /\.(pdf|docx?)$/i;

interface CertificateOption {
  id: string;
  /** "名称（颁证机构）", as the select shows it. */
  label: string;
}

function certificateOption(certificate: { id: string; name: string; organisation: string }): CertificateOption {
  return { id: certificate.id, label: `${certificate.name}（${certificate.organisation}）` };
}

function uploadedFile(file: EvidenceFileView): NzUploadFile {
  return { uid: file.fileId, name: file.name, size: file.size, type: file.contentType, status: 'done', response: file };
}

/**
 * 申报证书试点 (manual 1.1.3): a new application, or a change to a draft or a rejected one. It
 * saves as a draft (保存，暂不提交审核) or saves and submits (提交审核) after a confirmation.
 */
@Component({
  selector: 'portal-application-dialog',
  imports: [
    ReactiveFormsModule,
    QuillEditorComponent,
    NzAlertModule,
    NzButtonModule,
    NzFormModule,
    NzIconModule,
    NzInputNumberModule,
    NzModalModule,
    NzSelectModule,
    NzSpinModule,
    NzTableModule,
    NzUploadModule,
  ],
  templateUrl: './application-dialog.html',
  styleUrl: './application-dialog.css',
})
export class ApplicationDialog implements OnInit {
  private readonly applications = inject(ApplicationsApi);
  private readonly catalogue = inject(CatalogueApi);
  private readonly filesApi = inject(FilesApi);
  private readonly modal = inject(NzModalService);
  private readonly message = inject(NzMessageService);
  private readonly destroyRef = inject(DestroyRef);

  readonly visible = model(false);
  /** The plans open now (申报中): a new application goes to one of them. */
  readonly plans = input<PlanView[]>([]);
  /** The application to change; none for a new one. */
  readonly applicationId = input<string | null>(null);
  /** An application was stored (saved, or saved and submitted). */
  readonly changed = output<ApplicationView>();

  protected readonly tips = APPLICATION_FORM_TIPS;
  protected readonly maxTrainees = MAX_PLANNED_TRAINEES;
  protected readonly maxFiles = MAX_EVIDENCE_FILES;
  protected readonly editorModules = RICH_TEXT_MODULES;
  protected readonly editorFormats = RICH_TEXT_FORMATS;
  protected readonly editorValue = richTextValue;

  protected readonly form = applicationForm();
  protected readonly majorPicker = new FormControl<MajorView | null>(null);
  /** As stored: the one being changed, or the new one once it is first saved. */
  protected readonly stored = signal<ApplicationView | null>(null);
  protected readonly loading = signal(false);
  protected readonly busy = signal<'save' | 'submit' | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly errorDetails = signal<string[]>([]);
  protected readonly certificateOptions = signal<CertificateOption[]>([]);
  protected readonly certificatesSearching = signal(false);
  protected readonly majorOptions = signal<MajorView[]>([]);
  protected readonly majorsSearching = signal(false);
  protected readonly files = signal<NzUploadFile[]>([]);
  protected readonly fileError = signal<string | null>(null);

  private readonly planId = toSignal(this.form.controls.planId.valueChanges, { initialValue: null });
  private readonly majors = toSignal(this.form.controls.majors.valueChanges, { initialValue: [] });
  protected readonly majorRows = computed(() => this.majors() ?? []);
  protected readonly plan = computed(() => this.plans().find((plan) => plan.id === this.planId()) ?? null);
  protected readonly planName = computed(() => this.stored()?.planName ?? this.plan()?.name ?? '');
  protected readonly certificateLabel = computed(() => {
    const stored = this.stored();
    return stored ? certificateOption({ id: stored.certificateId, name: stored.certificateName, organisation: stored.organisation }).label : '';
  });
  protected readonly byMajor = computed(() => this.stored()?.byMajor ?? this.plan()?.byMajor ?? false);
  protected readonly title = computed(() => (this.applicationId() ? '修改证书试点申报' : '申报证书试点'));
  protected readonly uploading = computed(() => this.files().some((file) => file.status === 'uploading'));

  private readonly certificateSearches = new Subject<string>();
  private readonly majorSearches = new Subject<string>();
  private loadRequest: Subscription | null = null;

  constructor() {
    // Each opening starts from the application as stored (or an empty form), not from an earlier attempt.
    effect(() => {
      if (!this.visible()) return;
      const id = this.applicationId();
      untracked(() => this.reset(id));
    });
    effect(() => {
      const majors = this.form.controls.majors;
      majors.setValidators(majorsRule(this.byMajor()));
      majors.updateValueAndValidity({ emitEvent: false });
    });
  }

  ngOnInit(): void {
    this.certificateSearches
      .pipe(
        debounceTime(300),
        tap(() => this.certificatesSearching.set(true)),
        switchMap((q) => this.findCertificates(q).pipe(finalize(() => this.certificatesSearching.set(false)))),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((options) => this.certificateOptions.set(options));
    this.majorSearches
      .pipe(
        debounceTime(300),
        tap(() => this.majorsSearching.set(true)),
        switchMap((q) => this.findMajors(q).pipe(finalize(() => this.majorsSearching.set(false)))),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((majors) => this.majorOptions.set(majors));
    // Another batch may allow other certificates: the choice starts again.
    this.form.controls.planId.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((planId) => {
      if (!planId || this.stored()) return;
      this.form.controls.certificateId.setValue(null);
      this.certificateSearches.next('');
    });
  }

  protected searchCertificates(q: string): void {
    this.certificateSearches.next(q.trim());
  }

  protected searchMajors(q: string): void {
    this.majorSearches.next(q.trim());
  }

  /** 添加到列表: the major picked in the search select joins the table, once. */
  protected addMajor(): void {
    const picked = this.majorPicker.value;
    const majors = this.form.controls.majors;
    if (!picked) {
      this.message.warning('请先输入关键字搜索选择专业');
      return;
    }
    if (majors.value.some((major) => major.code === picked.code)) {
      this.message.warning('该专业已在列表中');
      return;
    }
    majors.setValue([...majors.value, { code: picked.code, name: picked.name }]);
    majors.markAsDirty();
    this.majorPicker.setValue(null);
  }

  protected removeMajor(code: string): void {
    const majors = this.form.controls.majors;
    majors.setValue(majors.value.filter((major) => major.code !== code));
    majors.markAsDirty();
  }

  /** Refuses what cannot be evidence before it travels; the server judges the content again. */
  protected readonly beforeUpload = (file: NzUploadFile): boolean => {
    this.fileError.set(null);
    if (this.files().length >= MAX_EVIDENCE_FILES) {
      this.fileError.set(`最多上传${MAX_EVIDENCE_FILES}个佐证材料`);
      return false;
    }
    if (!EVIDENCE_EXTENSIONS.test(file.name)) {
      this.fileError.set('请上传pdf或word格式的文件');
      return false;
    }
    if ((file.size ?? 0) > MAX_EVIDENCE_FILE_BYTES) {
      this.fileError.set(ErrorCatalog.FILE_TOO_LARGE.message);
      return false;
    }
    return true;
  };

  /** Uploads through the API client, so the request carries the session like every other call. */
  protected readonly uploadFile = (args: NzUploadXHRArgs): Subscription =>
    this.filesApi.upload(args.postFile as File).subscribe({
      next: (uploaded) => args.onSuccess?.(uploaded, args.file, null),
      error: (err: unknown) => args.onError?.(err, args.file),
    });

  protected onFilesChange(change: NzUploadChangeParam): void {
    if (change.type === 'error') {
      // The server's reason (FILE_TYPE_NOT_ALLOWED, FILE_TOO_LARGE…) is shown; the file leaves the list.
      this.fileError.set(apiErrorMessage(change.file.error));
      this.files.set(change.fileList.filter((file) => file.uid !== change.file.uid));
      return;
    }
    this.files.set([...change.fileList]);
  }

  protected readonly downloadFile = (file: NzUploadFile): void => {
    const uploaded = file.response as EvidenceFileView | undefined;
    if (!uploaded) return;
    this.filesApi.save(uploaded).subscribe({ error: (err: unknown) => this.fileError.set(apiErrorMessage(err)) });
  };

  protected cancel(): void {
    this.visible.set(false);
  }

  /** 保存，暂不提交审核: stored as a draft, to be changed or deleted later. */
  protected save(): void {
    if (!this.ready()) return;
    this.busy.set('save');
    this.store()
      .pipe(
        finalize(() => this.busy.set(null)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => {
          this.message.success('已保存，可在列表中继续修改或提交审核');
          this.visible.set(false);
        },
        error: (err: unknown) => this.showError(err),
      });
  }

  /** 提交审核: the system asks again, then saves and submits. */
  protected submit(): void {
    if (!this.ready()) return;
    this.modal.confirm({
      nzTitle: '提交审核',
      nzContent: SUBMIT_CONFIRMATION,
      nzOkText: '提交审核',
      nzCancelText: '取消',
      nzClassName: 'submit-confirm',
      nzOnOk: () => this.saveAndSubmit(),
    });
  }

  private saveAndSubmit(): void {
    this.busy.set('submit');
    this.store()
      .pipe(
        switchMap((saved) => this.applications.submit(saved.id)),
        finalize(() => this.busy.set(null)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (submitted) => {
          this.changed.emit(submitted);
          this.message.success('已提交审核，请等待审核结果');
          this.visible.set(false);
        },
        // Saved but not submitted: the dialog now changes that saved draft, so trying again cannot apply twice.
        error: (err: unknown) => this.showError(err),
      });
  }

  private ready(): boolean {
    if (this.busy() || this.loading()) return false;
    if (this.uploading()) {
      this.fileError.set('佐证材料正在上传，请上传完成后再保存');
      return false;
    }
    if (this.form.invalid) {
      revealErrors(this.form);
      return false;
    }
    this.clearError();
    return true;
  }

  /** Creates the application the first time, changes it afterwards; the list hears of each. */
  private store(): Observable<ApplicationView> {
    const fileIds = this.files()
      .map((file) => (file.response as EvidenceFileView | undefined)?.fileId)
      .filter((id): id is string => !!id);
    const stored = this.stored();
    const request = stored
      ? this.applications.update(stored.id, { ...applicationChange(this.form, fileIds), version: stored.version })
      : this.applications.create(applicationFields(this.form, fileIds));
    return request.pipe(
      tap((saved) => {
        this.stored.set(saved);
        this.form.controls.planId.disable({ emitEvent: false });
        this.form.controls.certificateId.disable({ emitEvent: false });
        this.changed.emit(saved);
      }),
    );
  }

  private findCertificates(q: string): Observable<CertificateOption[]> {
    const allowed = this.plan()?.certificates ?? [];
    if (allowed.length > 0) {
      const keyword = q.toLowerCase();
      return of(
        allowed
          .filter((c) => !keyword || `${c.name} ${c.organisation}`.toLowerCase().includes(keyword))
          .map((c) => certificateOption({ id: c.certificateId, name: c.name, organisation: c.organisation })),
      );
    }
    return this.catalogue.certificates({ q, pageSize: MATCHES }).pipe(
      map((page) => page.items.map(certificateOption)),
      catchError((err: unknown) => {
        this.error.set(apiErrorMessage(err));
        return of([]);
      }),
    );
  }

  private findMajors(q: string): Observable<MajorView[]> {
    return this.catalogue.majors({ q, pageSize: MATCHES }).pipe(
      map((page) => page.items),
      catchError((err: unknown) => {
        this.error.set(apiErrorMessage(err));
        return of([]);
      }),
    );
  }

  private reset(id: string | null): void {
    this.loadRequest?.unsubscribe();
    this.clearError();
    this.fileError.set(null);
    this.stored.set(null);
    this.files.set([]);
    this.majorPicker.reset();
    this.form.reset({ majors: [] });
    this.form.controls.planId.enable({ emitEvent: false });
    this.form.controls.certificateId.enable({ emitEvent: false });
    this.majorSearches.next('');
    if (!id) {
      this.form.controls.planId.setValue(openPlan(this.plans())?.id ?? null);
      return;
    }
    this.loading.set(true);
    this.loadRequest = this.applications
      .get(id)
      .pipe(
        finalize(() => this.loading.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (application) => this.fill(application),
        error: (err: unknown) => this.showError(err),
      });
  }

  private fill(application: ApplicationView): void {
    this.stored.set(application);
    fillApplicationForm(this.form, application);
    this.form.controls.planId.disable({ emitEvent: false });
    this.form.controls.certificateId.disable({ emitEvent: false });
    this.files.set(application.files.map(uploadedFile));
  }

  private showError(err: unknown): void {
    this.error.set(apiErrorMessage(err));
    this.errorDetails.set(Object.values(fieldErrors(err)).flat());
  }

  private clearError(): void {
    this.error.set(null);
    this.errorDetails.set([]);
  }
}
