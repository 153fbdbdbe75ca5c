import { Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { MessageBell, ShellLayout } from '@pilot/web-shell';

@Component({
  imports: [RouterOutlet, ShellLayout, MessageBell],
  selector: 'console-root',
  templateUrl: './app.html',
})
export class App {}
