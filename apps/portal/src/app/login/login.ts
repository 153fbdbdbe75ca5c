import { Component, inject } from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { AuthSession } from '@pilot/contracts';
import { SignInForm } from '@pilot/web-shell';
import { NOT_A_COLLEGE_ACCOUNT, isCollege } from '../session/college-user';
import { nextPageFor } from '../session/next-page';

/** 试点院校登录 (1.1.1): account, password and captcha; colleges only. `?username=` fills in the account. */
@Component({
  selector: 'portal-login',
  imports: [RouterLink, SignInForm],
  templateUrl: './login.html',
  styleUrl: './login.css',
})
export class LoginPage {
  private readonly router = inject(Router);

  protected readonly username = inject(ActivatedRoute).snapshot.queryParamMap.get('username') ?? '';
  protected readonly isCollege = isCollege;
  protected readonly refusal = NOT_A_COLLEGE_ACCOUNT;

  protected enter({ user }: AuthSession): void {
    void this.router.navigateByUrl(nextPageFor(user));
  }
}
