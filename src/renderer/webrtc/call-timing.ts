// Marks on the page's performance timeline for the steps of a call's setup (the hub's answer, the
// media ready, ICE connected, the data channel open), so that the calls bench can print where a
// setup's milliseconds go. One mark per step, replaced at each call: the timeline does not grow.
export type CallStep = 'accepted' | 'media-ready' | 'ice-connected' | 'link-open';

export function markCallTime(step: CallStep): void {
  const name = `relais.call.${step}`;
  performance.clearMarks(name);
  performance.mark(name);
}
