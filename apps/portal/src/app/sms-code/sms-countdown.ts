import { DestroyRef, computed, inject, signal } from '@angular/core';

/** The server sends one code a minute per phone; the button waits as long. */
export const SMS_RESEND_SECONDS = 60;

/** Seconds left before another code may be asked for. Create in an injection context. */
export class SmsCountdown {
  readonly remaining = signal(0);
  readonly running = computed(() => this.remaining() > 0);
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.stop());
  }

  start(seconds = SMS_RESEND_SECONDS): void {
    this.stop();
    this.remaining.set(seconds);
    this.timer = setInterval(() => {
      this.remaining.update((left) => left - 1);
      if (this.remaining() <= 0) this.stop();
    }, 1000);
  }

  private stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.remaining.set(0);
  }
}
