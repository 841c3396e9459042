// Why the call ended, in plain words and told from this side: "Vous avez raccroché" here, "Dr X a
// raccroché" (a refusé, n'a pas répondu, a perdu sa connexion...) on the other side. The hub's own
// detail is English for the regional IT: the screen keeps it in data-detail for support, never shows it.
import type { TFunction } from 'i18next';
import type { CurrentCall } from '../../webrtc/call-store';

const BY_YOU = ['hangup', 'cancelled', 'declined'];
const BY_REMOTE = ['hangup', 'declined', 'cancelled', 'timeout', 'busy', 'offline'];

export function endSentence(t: TFunction, call: CurrentCall): string {
  const reason = call.end?.reason ?? 'hangup';
  if (call.endedHere && BY_YOU.includes(reason)) return t(`calls.endedByYou.${reason}`);
  if (!call.endedHere && BY_REMOTE.includes(reason))
    return t(`calls.endedByRemote.${reason}`, { name: call.remote.name });
  return t(`calls.ended.${reason}`, { defaultValue: t('calls.ended.hangup') });
}
