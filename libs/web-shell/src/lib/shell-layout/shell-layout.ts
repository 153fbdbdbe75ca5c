import { Component, inject, input } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { AuthApi, SessionStore } from '@pilot/api-client';
import { NzLayoutModule } from 'ng-zorro-antd/layout';

/**
 * The frame both apps share: the product header (with who is signed in), the page, and the
 * footer. An app puts its own header items (the portal's message bell) beside the account by
 * marking them `shellHeaderItem`.
 */
@Component({
  selector: 'pilot-shell-layout',
  imports: [RouterLink, NzLayoutModule],
  templateUrl: './shell-layout.html',
  styleUrl: './shell-layout.css',
})
export class ShellLayout {
  private readonly auth = inject(AuthApi);
  private readonly router = inject(Router);

  /** Which side of the platform this is, shown after the product name (院校端 / 审核端). */
  readonly side = input.required<string>();
  readonly variant = input<'portal' | 'console'>('portal');
  protected readonly user = inject(SessionStore).user;
  protected readonly year = new Date().getFullYear();

  protected logout(): void {
    // The session ends here at once; the server's answer changes nothing for the user.
    this.auth.logout().subscribe({ error: () => undefined });
    void this.router.navigateByUrl('/login');
  }
}
