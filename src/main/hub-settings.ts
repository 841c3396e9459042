// The regional hub as configured by the environment: its address, the station's token, and
// whether calls must go through TURN. Wrong values stop the start with a message to act on.
export interface HubSettings {
  hubUrl: string | null;
  hubToken: string | undefined;
  icePolicy: 'all' | 'relay';
}

export function hubSettingsFromEnv(env: NodeJS.ProcessEnv): HubSettings {
  const url = env.RELAIS_HUB_URL?.trim() || null;
  if (url && !/^wss?:\/\/[^\s]+$/.test(url)) throw new Error(`RELAIS_HUB_URL must be a ws:// or wss:// address, not "${url}".`);
  const policy = env.RELAIS_ICE_POLICY?.trim() || 'all';
  if (policy !== 'all' && policy !== 'relay') throw new Error(`RELAIS_ICE_POLICY must be "all" or "relay" (calls only through TURN), not "${policy}".`);
  return { hubUrl: url, hubToken: env.RELAIS_HUB_TOKEN?.trim() || undefined, icePolicy: policy };
}
