import { Component, inject } from '@angular/core';
import { Router } from '@angular/router';
import type { InAppMessageView } from '@pilot/contracts';
import { MessagesPanel } from '@pilot/web-shell/messages';

/** 消息: a province's messages to its reviewers (registrations to check…); one about a registration leads to it. */
@Component({
  selector: 'console-messages',
  imports: [MessagesPanel],
  template: `<pilot-messages backLink="/registrations" backText="查看院校注册" [linkText]="linkText" (opened)="open($event)" />`,
})
export class MessagesPage {
  private readonly router = inject(Router);

  protected readonly linkText = (message: InAppMessageView) => (message.collegeId ? '查看院校注册' : null);

  protected open(message: InAppMessageView): void {
    if (message.collegeId) void this.router.navigate(['/registrations'], { queryParams: { college: message.collegeId } });
  }
}
