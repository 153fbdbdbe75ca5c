import { Component, computed, inject } from '@angular/core';
import { Router } from '@angular/router';
import { SessionStore } from '@pilot/api-client';
import { ChangePasswordForm } from '@pilot/web-shell';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';

/** 修改密码, which is also where a reviewer with an initial password is sent first. */
@Component({
  selector: 'console-change-password',
  imports: [ChangePasswordForm, NzAlertModule, NzIconModule],
  templateUrl: './change-password.html',
  styleUrl: './change-password.css',
})
export class ChangePasswordPage {
  private readonly router = inject(Router);
  private readonly message = inject(NzMessageService);
  private readonly sessions = inject(SessionStore);
  protected readonly firstLogin = computed(() => !!this.sessions.user()?.mustChangePassword);

  protected onChanged(): void {
    this.message.success('密码已修改');
    void this.router.navigate(['/']);
  }
}
