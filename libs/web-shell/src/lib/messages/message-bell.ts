import { Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { SessionStore } from '@pilot/api-client';
import { NzBadgeModule } from 'ng-zorro-antd/badge';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { RECEIVES_MESSAGES } from './message-recipients';
import { UnreadMessages } from './unread-messages';

/** The header's bell: the signed-in user's unread messages, leading to the message list. */
@Component({
  selector: 'pilot-message-bell',
  imports: [RouterLink, NzBadgeModule, NzIconModule],
  template: `
    @if (recipient()) {
      <a
        class="bell"
        [routerLink]="link()"
        data-testid="message-bell"
        [attr.data-unread]="count()"
        [attr.aria-label]="count() ? '消息，' + count() + '条未读' : '消息'"
        [title]="count() ? count() + '条未读消息' : '消息'"
      >
        <nz-badge nzSize="small" [nzCount]="count()" [nzOverflowCount]="99">
          <nz-icon class="bell-icon" nzType="bell" />
        </nz-badge>
      </a>
    }
  `,
  styles: `
    .bell {
      display: inline-flex;
      align-items: center;
      height: 28px;
      padding: 0 4px;
    }

    .bell-icon {
      color: #fff;
      font-size: 18px;
    }
  `,
})
export class MessageBell {
  /** Where the message list is. */
  readonly link = input('/messages');
  private readonly user = inject(SessionStore).user;
  private readonly receives = inject(RECEIVES_MESSAGES);
  protected readonly recipient = computed(() => this.receives(this.user()));
  protected readonly count = inject(UnreadMessages).count;
}
