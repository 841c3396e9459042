// Connection quality from RTCPeerConnection.getStats(), in the three figures shown plainly in a
// call: round-trip time, packet loss and received bitrate (from two samples a moment apart).

export interface StatsSample {
  at: number; // ms
  stats: readonly Record<string, unknown>[]; // the values of an RTCStatsReport
}

export interface Quality {
  rttMs: number | null;
  lossPercent: number | null;
  receiveKbps: number | null;
  /** Video frames decoded so far (all incoming video), and per second: proof that pictures arrive. */
  framesDecoded: number;
  framesPerSecond: number | null;
  /** Through the TURN relay, or direct (host or NAT-mapped addresses); null before connecting. */
  route: 'relay' | 'direct' | null;
  level: 'good' | 'fair' | 'poor' | 'unknown';
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

function totals(sample: StatsSample) {
  let received = 0;
  let lost = 0;
  let bytes = 0;
  let frames = 0;
  for (const s of sample.stats) {
    if (s.type === 'inbound-rtp') {
      received += num(s.packetsReceived);
      lost += num(s.packetsLost);
      bytes += num(s.bytesReceived);
      if (s.kind === 'video') frames += num(s.framesDecoded);
    }
  }
  const pair = sample.stats.find(
    (s) => s.type === 'candidate-pair' && (s.nominated === true || s.selected === true) && s.state === 'succeeded',
  );
  const rtt = typeof pair?.currentRoundTripTime === 'number' ? pair.currentRoundTripTime * 1000 : null;
  const local = pair
    ? sample.stats.find((s) => s.type === 'local-candidate' && s.id === pair.localCandidateId)
    : undefined;
  const route: Quality['route'] = !local ? null : local.candidateType === 'relay' ? 'relay' : 'direct';
  return { received, lost, bytes, rtt, frames, route };
}

export function connectionQuality(previous: StatsSample | null, current: StatsSample): Quality {
  const now = totals(current);
  const before = previous ? totals(previous) : null;
  const seconds = previous ? (current.at - previous.at) / 1000 : 0;
  const receivedDelta = before ? now.received - before.received : 0;
  const lostDelta = before ? Math.max(0, now.lost - before.lost) : 0;
  const lossPercent = before && receivedDelta + lostDelta > 0 ? (100 * lostDelta) / (receivedDelta + lostDelta) : null;
  const receiveKbps = before && seconds > 0 ? (8 * (now.bytes - before.bytes)) / 1000 / seconds : null;
  const rttMs = now.rtt;
  const framesPerSecond = before && seconds > 0 ? Math.max(0, now.frames - before.frames) / seconds : null;
  // Thresholds for a clinical call: lung sounds tolerate about 2 % loss, heart sounds about 10 %.
  const level =
    rttMs === null && lossPercent === null
      ? 'unknown'
      : (lossPercent ?? 0) > 5 || (rttMs ?? 0) > 400
        ? 'poor'
        : (lossPercent ?? 0) > 2 || (rttMs ?? 0) > 200
          ? 'fair'
          : 'good';
  return { rttMs, lossPercent, receiveKbps, framesDecoded: now.frames, framesPerSecond, route: now.route, level };
}
