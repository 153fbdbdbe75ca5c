import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import type { AuthSession, UserView } from '@pilot/contracts';

const STORAGE_KEY = 'pilot.session';

/**
 * The signed-in user's tokens, kept in this browser's local storage so that a reload stays
 * signed in. Each app is its own origin, so the portal and the console never share a session.
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly state = signal<AuthSession | null>(readStored());

  readonly session = this.state.asReadonly();
  readonly user = computed(() => this.state()?.user ?? null);
  readonly signedIn = computed(() => this.state() !== null);

  constructor() {
    // Another tab of the same app signed in or out: follow it, so no tab keeps a dead session.
    const follow = (event: StorageEvent) => {
      if (event.key === STORAGE_KEY || event.key === null) this.state.set(readStored());
    };
    window.addEventListener('storage', follow);
    inject(DestroyRef).onDestroy(() => window.removeEventListener('storage', follow));
  }

  start(session: AuthSession): void {
    this.save(session);
  }

  /** After a refresh: new tokens, same user (unless the server says otherwise). */
  renew(session: AuthSession): void {
    this.save(session);
  }

  updateUser(change: Partial<UserView>): void {
    const current = this.state();
    if (current) this.save({ ...current, user: { ...current.user, ...change } });
  }

  end(): void {
    localStorage.removeItem(STORAGE_KEY);
    this.state.set(null);
  }

  private save(session: AuthSession): void {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    this.state.set(session);
  }
}

function readStored(): AuthSession | null {
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as AuthSession | null;
    return stored?.accessToken && stored.refreshToken && stored.user ? stored : null;
  } catch {
    return null;
  }
}
