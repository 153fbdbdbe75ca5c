import { Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { SessionStore } from '@pilot/api-client';
import { NzBadgeModule } from 'ng-zorro-antd/badge';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { isCollege } from '../session/college-user';
import { UnreadMessages } from './unread-messages';

/** The header's bell: a signed-in college's unread messages, leading to the message list. */
@Component({
  selector: 'portal-message-bell',
  imports: [RouterLink, NzBadgeModule, NzIconModule],
  template: `
    @if (college()) {
      <a
        class="bell"
        routerLink="/messages"
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
  private readonly user = inject(SessionStore).user;
  protected readonly college = computed(() => isCollege(this.user()));
  protected readonly count = inject(UnreadMessages).count;
}
