// Words of dicom-parser's and the pixel decoders' own messages ("dicomParser.readFixedString:
// attempt to read past end of buffer", "buffer overrun", an Emscripten abort, a decoder's error
// number), which must never reach a person: the station says what happened in its own words.
export const LIBRARY_WORDING =
  /dicomParser|ByteStream|byteArray|readFixedString|read past end|overr(un|ead)|maxPosition|parameter '|basicOffsetTable|exception|decoder error \d|RuntimeError|Aborted|undefined/i;
