package io.hashtagstreams.kafka.internal;

import java.util.UUID;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryListener;

/** Closes a resource when one streaming query terminates, then unregisters itself. */
public final class CloseOnTermination extends StreamingQueryListener {

  private final SparkSession spark;
  private final UUID queryId;
  private final AutoCloseable resource;

  private CloseOnTermination(SparkSession spark, UUID queryId, AutoCloseable resource) {
    this.spark = spark;
    this.queryId = queryId;
    this.resource = resource;
  }

  /** Closes {@code resource} once {@code query} has terminated (at once if it already has). */
  public static void register(StreamingQuery query, AutoCloseable resource) {
    CloseOnTermination listener = new CloseOnTermination(query.sparkSession(), query.id(), resource);
    query.sparkSession().streams().addListener(listener);
    if (!query.isActive()) {
      listener.closeAndRemove();
    }
  }

  @Override
  public void onQueryStarted(QueryStartedEvent event) {
  }

  @Override
  public void onQueryProgress(QueryProgressEvent event) {
  }

  @Override
  public void onQueryTerminated(QueryTerminatedEvent event) {
    if (queryId.equals(event.id())) {
      closeAndRemove();
    }
  }

  private void closeAndRemove() {
    try {
      resource.close();
    } catch (Exception e) {
      org.slf4j.LoggerFactory.getLogger(CloseOnTermination.class)
          .warn("Could not close {} after query {} ended", resource, queryId, e);
    } finally {
      spark.streams().removeListener(this);
    }
  }
}
