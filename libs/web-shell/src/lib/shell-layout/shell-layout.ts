import { Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { NzLayoutModule } from 'ng-zorro-antd/layout';

/** The frame both apps share: the product header, the page, and the footer. */
@Component({
  selector: 'pilot-shell-layout',
  imports: [RouterLink, NzLayoutModule],
  templateUrl: './shell-layout.html',
  styleUrl: './shell-layout.css',
})
export class ShellLayout {
  /** Which side of the platform this is, shown after the product name (院校端 / 审核端). */
  readonly side = input.required<string>();
  readonly variant = input<'portal' | 'console'>('portal');
  protected readonly year = new Date().getFullYear();
}
