import { Component, DestroyRef, computed, effect, inject, input, model, output, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { AbstractControl, FormControl, FormGroup, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { ApplicationsApi, apiErrorMessage } from '@pilot/api-client';
import { MAX_REVIEW_COMMENT_LENGTH, type ApplicationView, type ReviewDecision, type ReviewRequest } from '@pilot/contracts';
import { revealErrors } from '@pilot/web-shell';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { finalize } from 'rxjs';
import type { ReviewLevel } from './review-level';

/** The longest comment or reason the dialog takes. */

const TIPS = {
  approvedTrainees: { default: { required: '请填写已批准培训人数', min: '已批准培训人数须为正整数', max: '已批准培训人数不能超过拟申报培训人数' } },
  comment: { default: { required: '请填写审核不通过的原因', maxlength: `不能超过${MAX_REVIEW_COMMENT_LENGTH}个字` } },
};

/** A reason of blanks alone says nothing to the college. */
function notBlank(control: AbstractControl<string>): ValidationErrors | null {
  return control.value.trim() ? null : { required: true };
}

/** What each decision does next, said before it is confirmed. */
const CONSEQUENCES: Record<ReviewLevel, Record<ReviewDecision, string>> = {
  city: {
    approve: '审核通过后，该申报将提交省级教育行政部门审核。',
    reject: '审核不通过后，院校将看到该原因，可在申报时间内修改后重新提交。',
  },
  province: {
    approve: '审核通过后，院校将获准按已批准培训人数开展该证书试点。',
    reject: '审核不通过后，院校将看到该原因，可在申报时间内修改后重新提交。',
  },
};

/**
 * 审核通过 / 审核不通过, confirmed in a dialog: a province approves a headcount (已批准培训人数, at
 * most the planned one); a rejection needs the reason the college will read. When the server
 * refuses, its message stays in the dialog and the page hears of it to reload the application.
 */
@Component({
  selector: 'console-review-decision',
  imports: [ReactiveFormsModule, NzAlertModule, NzButtonModule, NzFormModule, NzInputModule, NzInputNumberModule, NzModalModule],
  templateUrl: './review-decision.html',
  styles: `
    .dialog-notice {
      margin-bottom: 16px;
    }

    .full-width {
      width: 100%;
    }
  `,
})
export class ReviewDecisionDialog {
  private readonly applications = inject(ApplicationsApi);
  private readonly destroyRef = inject(DestroyRef);

  readonly visible = model(false);
  readonly application = input.required<ApplicationView>();
  readonly decision = input.required<ReviewDecision>();
  readonly level = input.required<ReviewLevel>();
  readonly decided = output<ApplicationView>();
  /** The server refused the decision; its message, also shown in the dialog. */
  readonly refused = output<string>();

  protected readonly tips = TIPS;
  protected readonly maxComment = MAX_REVIEW_COMMENT_LENGTH;
  protected readonly form = new FormGroup({
    approvedTrainees: new FormControl<number | null>(null),
    comment: new FormControl('', { nonNullable: true }),
  });
  protected readonly asksHeadcount = computed(() => this.decision() === 'approve' && this.level() === 'province');
  protected readonly title = computed(() => (this.decision() === 'approve' ? '审核通过' : '审核不通过'));
  protected readonly consequence = computed(() => CONSEQUENCES[this.level()][this.decision()]);
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    // Each opening starts afresh: the planned headcount proposed, no comment, no earlier refusal.
    effect(() => {
      if (!this.visible()) return;
      untracked(() => this.reset());
    });
  }

  protected cancel(): void {
    this.visible.set(false);
  }

  protected submit(): void {
    if (this.submitting()) return;
    const { approvedTrainees, comment } = this.form.controls;
    // The headcount is only asked of a province approving; its field is not there otherwise.
    const asked = this.asksHeadcount() ? [approvedTrainees, comment] : [comment];
    revealErrors(asked);
    if (asked.some((control) => control.invalid)) return;
    this.submitting.set(true);
    this.error.set(null);
    this.applications
      .review(this.application().id, this.request())
      .pipe(
        finalize(() => this.submitting.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (view) => {
          this.decided.emit(view);
          this.visible.set(false);
        },
        error: (err: unknown) => {
          const message = apiErrorMessage(err);
          this.error.set(message);
          this.refused.emit(message);
        },
      });
  }

  private request(): ReviewRequest {
    const { approvedTrainees, comment: typed } = this.form.getRawValue();
    const comment = typed.trim();
    return {
      decision: this.decision(),
      ...(this.asksHeadcount() && approvedTrainees !== null ? { approvedTrainees } : {}),
      ...(comment ? { comment } : {}),
    };
  }

  private reset(): void {
    const planned = this.application().plannedTrainees;
    const { approvedTrainees, comment } = this.form.controls;
    this.error.set(null);
    approvedTrainees.setValidators([Validators.required, Validators.min(1), Validators.max(planned)]);
    comment.setValidators([...(this.decision() === 'reject' ? [notBlank] : []), Validators.maxLength(MAX_REVIEW_COMMENT_LENGTH)]);
    this.form.reset({ approvedTrainees: planned, comment: '' });
  }
}
