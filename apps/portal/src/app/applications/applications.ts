import { Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { NzStepsModule } from 'ng-zorro-antd/steps';
import { ProvincePlans } from '../plans/province-plans';

/** 申报证书试点 (manual 1.1.3, 第二步): the province's application plans, once the basic information is in. */
@Component({
  selector: 'portal-applications',
  imports: [RouterLink, NzStepsModule, ProvincePlans],
  templateUrl: './applications.html',
  styleUrl: './applications.css',
})
export class ApplicationsPage {}
