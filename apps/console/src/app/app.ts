import { Component } from '@angular/core';
import { RouterLink, RouterOutlet } from '@angular/router';
import { NzLayoutModule } from 'ng-zorro-antd/layout';

@Component({
  imports: [RouterOutlet, RouterLink, NzLayoutModule],
  selector: 'console-root',
  templateUrl: './app.html',
  styleUrl: './app.css',
})
export class App {}
