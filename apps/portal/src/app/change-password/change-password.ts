import { Component, inject } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { SessionStore } from '@pilot/api-client';
import { ChangePasswordForm } from '@pilot/web-shell';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzMessageService } from 'ng-zorro-antd/message';
import { nextPageFor } from '../session/next-page';

/** 修改密码; the first sign-in after registration lands here, the password having come by SMS. */
@Component({
  selector: 'portal-change-password',
  imports: [RouterLink, ChangePasswordForm, NzAlertModule],
  templateUrl: './change-password.html',
  styleUrl: './change-password.css',
})
export class ChangePasswordPage {
  private readonly router = inject(Router);
  private readonly message = inject(NzMessageService);
  protected readonly user = inject(SessionStore).user;

  protected changed(): void {
    this.message.success('密码修改成功');
    const user = this.user();
    void this.router.navigateByUrl(user ? nextPageFor(user) : '/login');
  }
}
