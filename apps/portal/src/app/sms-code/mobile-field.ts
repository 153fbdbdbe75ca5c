import { Component, input } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';

/** 手机号 with the +86 prefix: where verification codes go. */
@Component({
  selector: 'portal-mobile-field',
  imports: [ReactiveFormsModule, NzFormModule, NzInputModule],
  templateUrl: './mobile-field.html',
})
export class MobileField {
  readonly control = input.required<FormControl<string>>();
  readonly inputId = input.required<string>();
  readonly testId = input.required<string>();
  readonly placeholder = input('请输入11位手机号');
}
