import { Component, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { PlanView } from '@pilot/contracts';
import { NzStepsModule } from 'ng-zorro-antd/steps';
import { PilotStatus } from '../pilot-status/pilot-status';
import { ProvincePlans } from '../plans/province-plans';
import { ApplicationList } from './application-list';

/**
 * 申报证书试点 (manual 1.1.3, 第二步): the province's application plans, once the basic
 * information is in, the college's pilot standing they led to, and the college's applications
 * to those plans.
 */
@Component({
  selector: 'portal-applications',
  imports: [RouterLink, NzStepsModule, PilotStatus, ProvincePlans, ApplicationList],
  templateUrl: './applications.html',
  styleUrl: './applications.css',
})
export class ApplicationsPage {
  /** The plans as the plan table loaded them; the list decides from them what may be done now. */
  protected readonly plans = signal<PlanView[] | null>(null);
}
