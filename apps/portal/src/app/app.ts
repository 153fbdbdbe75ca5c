import { Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { ShellLayout } from '@pilot/web-shell';

@Component({
  imports: [RouterOutlet, ShellLayout],
  selector: 'portal-root',
  templateUrl: './app.html',
})
export class App {}
