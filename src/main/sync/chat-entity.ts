// A call's chat line as an outbox entity: its id names the call and the line, unambiguously.
export const chatEntityId = (callId: string, lineId: string): string => JSON.stringify([callId, lineId]);

export function parseChatEntityId(entityId: string): { callId: string; lineId: string } | null {
  try {
    const parsed = JSON.parse(entityId) as unknown;
    return Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === 'string' &&
      typeof parsed[1] === 'string'
      ? { callId: parsed[0], lineId: parsed[1] }
      : null;
  } catch {
    return null;
  }
}
