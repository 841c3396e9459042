// The part of simple-peer's API the station uses. Its prebuilt browser bundle is imported (the
// package's sources need Node built-ins that Vite does not provide), and @types/simple-peer would
// pull Node's types into the renderer; these few lines say what we rely on.
declare module 'simple-peer/simplepeer.min.js' {
  export interface SignalData {
    type?: string;
    sdp?: string;
    candidate?: unknown;
    renegotiate?: boolean;
    transceiverRequest?: unknown;
  }
  export interface PeerOptions {
    initiator?: boolean;
    config?: RTCConfiguration;
    streams?: MediaStream[];
    trickle?: boolean;
    sdpTransform?: (sdp: string) => string;
    offerOptions?: RTCOfferOptions;
  }
  export interface SimplePeerInstance {
    readonly connected: boolean;
    readonly destroyed: boolean;
    offerOptions: RTCOfferOptions;
    readonly _pc: RTCPeerConnection;
    signal(data: SignalData): void;
    send(data: string): void;
    addStream(stream: MediaStream): void;
    removeStream(stream: MediaStream): void;
    negotiate(): void;
    destroy(error?: Error): void;
    on(event: 'signal', listener: (data: SignalData) => void): this;
    on(event: 'stream', listener: (stream: MediaStream) => void): this;
    on(event: 'data', listener: (data: Uint8Array | string) => void): this;
    on(event: 'iceStateChange', listener: (ice: RTCIceConnectionState, gathering: RTCIceGatheringState) => void): this;
    on(event: 'connect' | 'close', listener: () => void): this;
    on(event: 'error', listener: (error: Error & { code?: string }) => void): this;
  }
  const SimplePeer: new (options?: PeerOptions) => SimplePeerInstance;
  export default SimplePeer;
}
