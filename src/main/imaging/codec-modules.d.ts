// Types for the compressed-pixel decoders (they ship none): the Emscripten builds of
// libjpeg-turbo, CharLS and OpenJPEG from cornerstonejs, and the pure-JS JPEG Lossless decoder.
// The Emscripten modules are typed loosely here and narrowed in codecs.ts (see wasm-codec.ts).
declare module '@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasmjs' {
  const factory: (module?: object) => Promise<Record<string, unknown>>;
  export default factory;
}
declare module '@cornerstonejs/codec-charls/decodewasmjs' {
  const factory: (module?: object) => Promise<Record<string, unknown>>;
  export default factory;
}
declare module '@cornerstonejs/codec-openjpeg/decodewasmjs' {
  const factory: (module?: object) => Promise<Record<string, unknown>>;
  export default factory;
}
declare module 'jpeg-lossless-decoder-js' {
  export class Decoder {
    /** The decoded samples, little-endian, components interleaved. */
    decompress(buffer: ArrayBufferLike, offset?: number, length?: number): ArrayBuffer;
  }
}
