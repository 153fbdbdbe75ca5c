import { Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { MessageBell, ShellLayout } from '@pilot/web-shell';
import { followSessionEnd } from './session/follow-session-end';

@Component({
  imports: [RouterOutlet, ShellLayout, MessageBell],
  selector: 'portal-root',
  templateUrl: './app.html',
})
export class App {
  constructor() {
    followSessionEnd();
  }
}
