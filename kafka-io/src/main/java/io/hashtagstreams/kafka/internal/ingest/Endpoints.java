package io.hashtagstreams.kafka.internal.ingest;

import java.net.URI;

/** How messages name an address: scheme, host, port and path, never the query (which may hold filters). */
final class Endpoints {

  private Endpoints() {
  }

  static String withoutQuery(URI uri) {
    String text = uri.toString();
    int query = text.indexOf('?');
    return query < 0 ? text : text.substring(0, query);
  }
}
