import { Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzResultModule } from 'ng-zorro-antd/result';

/** What a page shows to someone whose role may not see it. */
@Component({
  selector: 'console-forbidden',
  imports: [RouterLink, NzButtonModule, NzResultModule],
  template: `
    <nz-result
      class="forbidden"
      data-testid="forbidden"
      nzStatus="403"
      nzTitle="没有权限访问该页面"
      nzSubTitle="如需使用该功能，请联系平台管理员。"
    >
      <div nz-result-extra>
        <a nz-button nzType="primary" routerLink="/">返回首页</a>
      </div>
    </nz-result>
  `,
  styles: `
    .forbidden {
      border-radius: 8px;
      background: #fff;
    }
  `,
})
export class Forbidden {}
