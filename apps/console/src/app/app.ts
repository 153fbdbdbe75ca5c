import { Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { ShellLayout } from '@pilot/web-shell';

@Component({
  imports: [RouterOutlet, ShellLayout],
  selector: 'console-root',
  templateUrl: './app.html',
})
export class App {}
