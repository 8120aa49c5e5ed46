package io.hashtagstreams.core.internal;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_from_unix_date;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.unix_millis;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

/**
 * A Column function: a timestamp as ISO-8601 text in UTC, {@code 2016-07-29T12:46:00Z}, with {@code .SSS} only
 * when the millisecond part is not zero ({@code 2016-07-29T12:46:00.250Z}), i.e. what {@link java.time.Instant}
 * prints for a millisecond-precision instant. Microseconds are dropped.
 *
 * <p>Built from epoch arithmetic and a date (dates carry no time zone), so the session time zone cannot change the
 * text, and it stays in Spark's generated code (no UDF). Null in, null out.
 */
public final class UtcTimestampText {

  private static final long DAY = 86_400_000L;

  private UtcTimestampText() {
  }

  /** The UTC ISO-8601 text of a timestamp column. */
  public static Column of(Column timestamp) {
    Column millis = unix_millis(timestamp);
    Column day = floor(millis.divide(DAY)).cast(DataTypes.IntegerType);
    Column ofDay = pmod(millis, lit(DAY));
    Column fraction = pmod(ofDay, lit(1000L));
    return concat(
        date_from_unix_date(day).cast(DataTypes.StringType),
        lit("T"), twoDigits(floor(ofDay.divide(3_600_000L))),
        lit(":"), twoDigits(floor(pmod(ofDay, lit(3_600_000L)).divide(60_000L))),
        lit(":"), twoDigits(floor(pmod(ofDay, lit(60_000L)).divide(1000L))),
        when(fraction.equalTo(0L), lit("")).otherwise(concat(lit("."),
            lpad(fraction.cast(DataTypes.StringType), 3, "0"))),
        lit("Z"));
  }

  private static Column twoDigits(Column number) {
    return lpad(number.cast(DataTypes.StringType), 2, "0");
  }
}
