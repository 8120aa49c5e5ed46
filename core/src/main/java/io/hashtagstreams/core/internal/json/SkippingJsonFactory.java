package io.hashtagstreams.core.internal.json;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.IOContext;

/**
 * A {@link JsonFactory} whose byte-array parsers are {@link SkippingJsonParser}s.
 *
 * <p>Only input that Jackson would read as plain UTF-8 without a byte order mark gets the skipping parser (the
 * first four bytes are not zero and the first is not a BOM byte); anything else, and input shorter than four
 * bytes, goes through Jackson's own encoding detection as before.
 */
final class SkippingJsonFactory extends JsonFactory {

  private static final long serialVersionUID = 1L;

  SkippingJsonFactory(JsonFactoryBuilder builder) {
    super(builder);
  }

  @Override
  protected JsonParser _createParser(byte[] data, int offset, int len, IOContext context) throws IOException {
    if (isPlainUtf8Start(data, offset, len) && isEnabled(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)) {
      return new SkippingJsonParser(context, _parserFeatures, _objectCodec,
          _byteSymbolCanonicalizer.makeChild(_factoryFeatures), data, offset, offset + len);
    }
    return super._createParser(data, offset, len, context);
  }

  private static boolean isPlainUtf8Start(byte[] data, int offset, int len) {
    if (len < 4) {
      return false;
    }
    int first = data[offset] & 0xFF;
    return first != 0 && first != 0xEF && first != 0xFE && first != 0xFF
        && data[offset + 1] != 0 && data[offset + 2] != 0 && data[offset + 3] != 0;
  }
}
