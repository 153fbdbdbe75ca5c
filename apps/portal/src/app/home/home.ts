import { Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';

/** The portal's front door: sign in, or register to apply. */
@Component({
  selector: 'portal-home',
  imports: [RouterLink, NzButtonModule, NzIconModule],
  templateUrl: './home.html',
  styleUrl: './home.css',
})
export class HomePage {
  protected readonly steps = [
    { title: '注册账号', text: '选择所在省份与院校，填写手机号完成注册' },
    { title: '完善基本信息', text: '填写院校基本信息' },
    { title: '申报证书试点', text: '在申报计划开放期间提交证书试点申请' },
    { title: '等待审核', text: '教育行政部门审核，结果以短信通知' },
  ];
}
