// Browser mode sends each contract answer as one JSON text frame. A frame of a CT slice carries
// its samples in base64: spliced in as they are rather than scanned by JSON.stringify, the text
// must still be exactly the JSON of the message, and every other answer goes as JSON.stringify
// writes it.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { serialise } from '../../../src/main/host/websocket-binding';

const frame = (data: string) => ({
  kind: 'result' as const,
  id: 7,
  result: { ok: true, value: { rows: 512, columns: 512, data, note: 'a "quoted" word, é and \\ too' } },
});

describe('the browser-mode wire', () => {
  it('splices a frame’s base64 samples in: the text is the message’s JSON, byte for byte', () => {
    const message = frame(randomBytes(524_288).toString('base64'));
    const text = serialise(message, 'imaging.frame');
    expect(text.toString('utf8')).toBe(JSON.stringify(message));
    expect(JSON.parse(text.toString('utf8'))).toEqual(message);
  });

  it('writes every other answer as JSON.stringify does: refusals, other channels, events', () => {
    const refused = {
      kind: 'result' as const,
      id: 8,
      result: { ok: false, error: { code: 'not_found', message: 'x "y"' } },
    };
    const other = frame('not base64: "quotes" and \n lines');
    const event = { kind: 'event' as const, event: 'imaging.progress', payload: { done: 1, total: 2 } };
    expect(serialise(refused, 'imaging.frame').toString('utf8')).toBe(JSON.stringify(refused));
    expect(serialise(other, 'imaging.series').toString('utf8')).toBe(JSON.stringify(other));
    expect(serialise(event).toString('utf8')).toBe(JSON.stringify(event));
  });
});
