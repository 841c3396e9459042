// What a badge read does, depending on where the station is: opens the locked cart, enrols the
// badge while her badge panel is open, and otherwise says what a badge is for (it never signs in).
import { create } from 'zustand';
import type { AppError } from '../../../shared/result';
import { relais } from '../../api';
import { useIdentity } from '../../ui/identity-store';

export interface BadgeNotice {
  tone: 'ok' | 'info' | 'error';
  /** A key under identity.badge (or a full key for the shared error texts). */
  key: string;
  params?: Record<string, string | number>;
}

interface BadgeState {
  /** Her badge panel is open: the next badge read is enrolled. */
  enrolling: boolean;
  notice: BadgeNotice | null;
  /** Badges read so far: the lock screen starts its code form afresh at each (one message at a time). */
  reads: number;
}

export const useBadge = create<BadgeState>(() => ({ enrolling: false, notice: null, reads: 0 }));

const tell = (notice: BadgeNotice | null) => useBadge.setState({ notice });

/** A code typed instead: the last badge's message is over. */
export const clearBadgeNotice = () => tell(null);

export function setEnrolling(enrolling: boolean): void {
  useBadge.setState({ enrolling, notice: null });
}

/** The words for a refused badge: the lock's own reasons, else the station's error code. */
function refusal(error: AppError, whileLocked: boolean): BadgeNotice {
  const field = error.fields?.[0];
  if (field?.code.startsWith('identity.'))
    return {
      tone: 'error',
      key: `identity.badge.errors.${field.code.slice('identity.'.length)}`,
      params: field.params ?? {},
    };
  if (whileLocked && error.code === 'forbidden') return { tone: 'error', key: 'identity.badge.errors.sessionEnded' };
  return { tone: 'error', key: 'identity.badge.errors.failed', params: { reason: error.message } };
}

export async function badgeRead(uid: string): Promise<void> {
  useBadge.setState((s) => ({ reads: s.reads + 1 }));
  const identity = useIdentity.getState().state;
  // SECURITY: the page never treats a badge as a sign-in; the station refuses it too.
  if (!identity?.user) return tell({ tone: 'error', key: 'identity.badge.signInFirst' });
  if (!identity.unlockPinSet) return tell({ tone: 'error', key: 'identity.badge.choosePinFirst' });
  if (identity.locked) {
    tell({ tone: 'info', key: 'identity.badge.reading' });
    const result = await relais.invoke('identity.unlockBadge', { uid });
    return tell(result.ok ? null : refusal(result.error, true));
  }
  if (useBadge.getState().enrolling) {
    const result = await relais.invoke('identity.enrolBadge', { uid });
    return tell(result.ok ? { tone: 'ok', key: 'identity.badge.enrolled' } : refusal(result.error, false));
  }
  tell({ tone: 'info', key: 'identity.badge.notNeeded' });
}

useIdentity.subscribe((now, before) => {
  // Locked: the badge panel closes (no badge is enrolled at a locked cart).
  if (now.state?.locked && !before.state?.locked && useBadge.getState().enrolling) setEnrolling(false);
  // Opened, or someone signed in: the last badge's message is over.
  if ((before.state?.locked && now.state && !now.state.locked) || (!before.state?.user && now.state?.user)) tell(null);
});
