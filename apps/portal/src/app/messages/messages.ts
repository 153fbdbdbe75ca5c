import { Component, inject } from '@angular/core';
import { Router } from '@angular/router';
import type { InAppMessageView } from '@pilot/contracts';
import { MessagesPanel } from '@pilot/web-shell/messages';

/** 消息: the college's in-app messages (review results…); one about an application leads to it. */
@Component({
  selector: 'portal-messages',
  imports: [MessagesPanel],
  template: `
    <pilot-messages backLink="/applications" backText="返回申报证书试点" [linkText]="linkText" (opened)="open($event)" />
  `,
})
export class MessagesPage {
  private readonly router = inject(Router);

  protected readonly linkText = (message: InAppMessageView) => (message.applicationId ? '查看申报详情' : null);

  protected open(message: InAppMessageView): void {
    if (message.applicationId) void this.router.navigate(['/applications', message.applicationId]);
  }
}
