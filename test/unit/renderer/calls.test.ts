// Pure parts of the call: Opus set for auscultation in the SDP, stethoscope capture settings,
// connection quality from getStats samples.
import { describe, expect, it } from 'vitest';
import { connectionQuality } from '../../../src/renderer/webrtc/connection-quality';
import { opusParameters, withAuscultationOpus } from '../../../src/renderer/webrtc/opus-sdp';
import { processingProblems, stethoscopeConstraints } from '../../../src/renderer/webrtc/stethoscope-audio';

// The shape of a Chromium offer: audio (Opus 111 with its default fmtp, and others), then video.
const CHROME_OFFER = [
  'v=0',
  'o=- 4611731400430051336 2 IN IP4 127.0.0.1',
  's=-',
  't=0 0',
  'a=group:BUNDLE 0 1',
  'm=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8',
  'c=IN IP4 0.0.0.0',
  'a=mid:0',
  'a=sendrecv',
  'a=rtpmap:111 opus/48000/2',
  'a=rtcp-fb:111 transport-cc',
  'a=fmtp:111 minptime=10;useinbandfec=1',
  'a=rtpmap:63 red/48000/2',
  'a=fmtp:63 111/111',
  'a=rtpmap:9 G722/8000',
  'a=rtpmap:0 PCMU/8000',
  'a=rtpmap:8 PCMA/8000',
  'm=video 9 UDP/TLS/RTP/SAVPF 96',
  'c=IN IP4 0.0.0.0',
  'a=mid:1',
  'a=rtpmap:96 VP8/90000',
  'a=fmtp:96 x-google-start-bitrate=800',
  '',
].join('\r\n');

describe('Opus for auscultation', () => {
  it('sets high bitrate, stereo (audio mode) and no DTX on the Opus payload, keeping its other parameters', () => {
    const sdp = withAuscultationOpus(CHROME_OFFER);
    expect(opusParameters(sdp)).toEqual({
      minptime: '10',
      useinbandfec: '1',
      maxaveragebitrate: '128000',
      usedtx: '0',
      stereo: '1',
      'sprop-stereo': '1',
    });
    expect(sdp).toContain('a=fmtp:96 x-google-start-bitrate=800'); // video untouched
    expect(sdp).toContain('a=fmtp:63 111/111'); // RED untouched
    expect(sdp.split('\r\n').length).toBe(CHROME_OFFER.split('\r\n').length); // CRLF kept, no line lost
  });

  it('adds the fmtp line when the offer has none, and does it once however often it is applied', () => {
    const bare = CHROME_OFFER.replace('a=fmtp:111 minptime=10;useinbandfec=1\r\n', '');
    const once = withAuscultationOpus(bare);
    expect(opusParameters(once)).toMatchObject({ maxaveragebitrate: '128000', usedtx: '0', stereo: '1' });
    expect(withAuscultationOpus(once)).toBe(once);
    expect(withAuscultationOpus(withAuscultationOpus(CHROME_OFFER))).toBe(withAuscultationOpus(CHROME_OFFER));
  });

  it('leaves an SDP without Opus as it is', () => {
    const noOpus = CHROME_OFFER.replace(/a=rtpmap:111 opus\/48000\/2\r\n/, '');
    expect(withAuscultationOpus(noOpus)).toBe(noOpus);
  });
});

describe('stethoscope capture', () => {
  it('asks for the processing that removes heart sounds to be off, mono at 48 kHz', () => {
    expect(stethoscopeConstraints('mic-3')).toEqual({
      video: false,
      audio: {
        deviceId: { exact: 'mic-3' },
        echoCancellation: false,
        noiseSuppression: false,
        autoGainControl: false,
        channelCount: 1,
        sampleRate: 48000,
      },
    });
  });

  it('names what a browser left switched on', () => {
    expect(
      processingProblems({
        echoCancellation: false,
        noiseSuppression: false,
        autoGainControl: false,
        sampleRate: 48000,
      }),
    ).toEqual([]);
    expect(processingProblems({ echoCancellation: true, noiseSuppression: false, sampleRate: 16000 })).toEqual([
      'echo cancellation is on',
      'automatic gain control is on',
      'sample rate is 16000 Hz',
    ]);
  });
});

describe('connection quality', () => {
  const sample = (at: number, received: number, lost: number, bytes: number, rtt = 0.045, frames = 0) => ({
    at,
    stats: [
      {
        type: 'inbound-rtp',
        kind: 'video',
        packetsReceived: received,
        packetsLost: lost,
        bytesReceived: bytes,
        framesDecoded: frames,
      },
      { type: 'inbound-rtp', kind: 'audio', packetsReceived: 0, packetsLost: 0, bytesReceived: 0 },
      {
        type: 'candidate-pair',
        state: 'succeeded',
        nominated: true,
        currentRoundTripTime: rtt,
        localCandidateId: 'L1',
      },
      { type: 'local-candidate', id: 'L1', candidateType: 'relay' },
      { type: 'candidate-pair', state: 'failed', nominated: false, currentRoundTripTime: 9 },
    ],
  });

  it('gives RTT, loss and bitrate between two samples', () => {
    const q = connectionQuality(sample(0, 1000, 10, 1_000_000), sample(2000, 1990, 20, 1_500_000));
    expect(q.rttMs).toBeCloseTo(45);
    expect(q.lossPercent).toBeCloseTo(1);
    expect(q.receiveKbps).toBeCloseTo(2000);
    expect(q.level).toBe('good');
  });

  it('counts decoded video frames and frames per second', () => {
    const q = connectionQuality(sample(0, 0, 0, 0, 0.01, 100), sample(2000, 10, 0, 10, 0.01, 160));
    expect(q).toMatchObject({ framesDecoded: 160, framesPerSecond: 30, route: 'relay' });
  });

  it('calls 3 % loss fair and 10 % or a 500 ms RTT poor', () => {
    expect(connectionQuality(sample(0, 0, 0, 0), sample(1000, 970, 30, 1)).level).toBe('fair');
    expect(connectionQuality(sample(0, 0, 0, 0), sample(1000, 900, 100, 1)).level).toBe('poor');
    expect(connectionQuality(sample(0, 0, 0, 0), sample(1000, 100, 0, 1, 0.5)).level).toBe('poor');
  });

  it('has no loss or bitrate from a single sample, and no level without a selected pair', () => {
    expect(connectionQuality(null, sample(0, 10, 0, 10))).toMatchObject({
      lossPercent: null,
      receiveKbps: null,
      level: 'good',
    });
    expect(connectionQuality(null, { at: 0, stats: [] })).toEqual({
      rttMs: null,
      lossPercent: null,
      receiveKbps: null,
      framesDecoded: 0,
      framesPerSecond: null,
      route: null,
      level: 'unknown',
    });
  });
});
