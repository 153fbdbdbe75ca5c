import { Pipe, PipeTransform } from '@angular/core';
import { beijingMinute } from '@pilot/contracts';

/** A stored time as the Beijing clock read it ("2026-04-01 09:30"), whatever the browser's zone. */
@Pipe({ name: 'beijingTime' })
export class BeijingTimePipe implements PipeTransform {
  transform(iso: string | null | undefined): string {
    return iso ? beijingMinute(iso) : '';
  }
}
