// Auscultation needs Opus in "audio" mode at a high bitrate without DTX: by default WebRTC sends
// 32 kbps voice-mode mono with a 60-100 Hz high-pass that eats heart sounds. The SDP is edited
// once, here: every Opus payload of the audio sections gets these fmtp parameters.

export const AUSCULTATION_OPUS = {
  maxaveragebitrate: 128000,
  usedtx: 0,
  stereo: 1,
  'sprop-stereo': 1,
  useinbandfec: 1,
} as const;

type Params = Record<string, string | number>;

function opusPayloadTypes(section: string): string[] {
  return [...section.matchAll(/^a=rtpmap:(\d+) opus\/48000(?:\/2)?\r?$/gim)].map((m) => m[1]!);
}

function mergeFmtp(line: string, params: Params): string {
  const [head, rest = ''] = line.split(/ (.*)/s) as [string, string?];
  const existing = new Map(
    rest
      .split(';')
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => p.split('=') as [string, string]),
  );
  for (const [k, v] of Object.entries(params)) existing.set(k, String(v));
  return `${head} ${[...existing].map(([k, v]) => `${k}=${v}`).join(';')}`;
}

/** Returns the SDP with the Opus parameters set (added, or replacing earlier values). Idempotent;
 * an SDP without Opus is returned unchanged. Line endings are kept as they were. */
export function withAuscultationOpus(sdp: string, params: Params = AUSCULTATION_OPUS): string {
  const eol = sdp.includes('\r\n') ? '\r\n' : '\n';
  const sections = sdp.split(/(?=^m=)/m);
  return sections
    .map((section) => {
      if (!section.startsWith('m=audio')) return section;
      let out = section;
      for (const pt of opusPayloadTypes(section)) {
        const fmtp = new RegExp(`^a=fmtp:${pt} .*$`, 'm');
        if (fmtp.test(out))
          out = out.replace(
            fmtp,
            (line) => mergeFmtp(line.replace(/\r$/, ''), params) + (line.endsWith('\r') ? '\r' : ''),
          );
        else {
          const rtpmap = new RegExp(`^a=rtpmap:${pt} opus/48000(?:/2)?\\r?$`, 'm');
          out = out.replace(
            rtpmap,
            (line) =>
              `${line.replace(/\r$/, '')}${eol}${mergeFmtp(`a=fmtp:${pt}`, params)}${line.endsWith('\r') ? '\r' : ''}`,
          );
        }
      }
      return out;
    })
    .join('');
}

/** The fmtp parameters of the first Opus payload, for tests and for checking a remote answer. */
export function opusParameters(sdp: string): Record<string, string> | null {
  const pt = opusPayloadTypes(sdp)[0];
  if (!pt) return null;
  const line = new RegExp(`^a=fmtp:${pt} (.*)$`, 'm').exec(sdp)?.[1]?.replace(/\r$/, '');
  if (!line) return {};
  return Object.fromEntries(line.split(';').map((p) => p.trim().split('=') as [string, string]));
}
