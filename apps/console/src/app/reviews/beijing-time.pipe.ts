import { formatDate } from '@angular/common';
import { LOCALE_ID, Pipe, PipeTransform, inject } from '@angular/core';

/** China keeps one zone without daylight saving time, so a fixed offset is Beijing time all year. */
const BEIJING_ZONE = '+0800';

/** A stored time as the Beijing clock read it ("2026-04-01 09:30"), whatever the browser's zone. */
@Pipe({ name: 'beijingTime' })
export class BeijingTimePipe implements PipeTransform {
  private readonly locale = inject(LOCALE_ID);

  transform(iso: string | null | undefined): string {
    return iso ? formatDate(iso, 'yyyy-MM-dd HH:mm', this.locale, BEIJING_ZONE) : '';
  }
}
