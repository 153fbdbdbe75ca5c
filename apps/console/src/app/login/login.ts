import { Component, inject } from '@angular/core';
import { ActivatedRoute, Router } from '@angular/router';
import type { AuthSession } from '@pilot/contracts';
import { SignInForm } from '@pilot/web-shell';
import { COLLEGE_USES_PORTAL, isConsoleUser } from '../session/console-user';

/** 审核端登录: administrators and reviewers only; colleges sign in on the portal. */
@Component({
  selector: 'console-login',
  imports: [SignInForm],
  templateUrl: './login.html',
  styleUrl: './login.css',
})
export class LoginPage {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly isConsoleUser = isConsoleUser;
  protected readonly refusal = COLLEGE_USES_PORTAL;

  /** An initial password is changed first; otherwise back to the page that sent the user here. */
  protected enter({ user }: AuthSession): void {
    if (user.mustChangePassword) {
      void this.router.navigate(['/change-password']);
      return;
    }
    const returnUrl = this.route.snapshot.queryParamMap.get('returnUrl');
    void this.router.navigateByUrl(returnUrl?.startsWith('/') ? returnUrl : '/');
  }
}
