import { Component, input, linkedSignal, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';

/** A keyword box over a table: 搜索 or Enter sends the keyword (trimmed; empty for all). */
@Component({
  selector: 'console-keyword-search',
  imports: [FormsModule, NzButtonModule, NzIconModule, NzInputModule],
  template: `
    <input
      nz-input
      class="keyword"
      type="search"
      data-testid="keyword"
      [placeholder]="placeholder()"
      [ngModel]="keyword()"
      (ngModelChange)="keyword.set($event)"
      (keyup.enter)="submit()"
    />
    <button nz-button nzType="primary" type="button" (click)="submit()" data-testid="keyword-search">
      <nz-icon nzType="search" />搜索
    </button>
  `,
  styles: `
    :host {
      display: flex;
      gap: 8px;
    }

    .keyword {
      width: 280px;
    }
  `,
})
export class KeywordSearch {
  readonly placeholder = input('请输入关键字');
  /** The keyword the box starts with, for a search the page restores (from its address, say). */
  readonly value = input('');
  readonly search = output<string>();

  protected readonly keyword = linkedSignal(() => this.value());

  protected submit(): void {
    this.search.emit(this.keyword().trim());
  }
}
