// The shape shared by the Emscripten decoders (JPEG baseline, JPEG-LS, JPEG 2000): the encoded
// bytes are copied into the decoder's memory, decoded, and read back with their frame info.
export interface WasmFrameInfo {
  width: number;
  height: number;
  bitsPerSample: number;
  componentCount: number;
  isSigned?: boolean;
}

export interface WasmDecoder {
  getEncodedBuffer(length: number): Uint8Array;
  decode(): void;
  getDecodedBuffer(): Uint8Array;
  getFrameInfo(): WasmFrameInfo;
  /** Embind objects live in the module's heap until deleted. */
  delete(): void;
}

export type WasmDecoderClass = new () => WasmDecoder;
