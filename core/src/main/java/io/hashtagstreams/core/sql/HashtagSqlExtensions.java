package io.hashtagstreams.core.sql;

import org.apache.spark.sql.SparkSessionExtensions;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.ExpressionInfo;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;

import io.hashtagstreams.core.ExtractOptions;
import io.hashtagstreams.core.internal.sql.NetworkOverloads;

import scala.Function1;
import scala.Tuple3;
import scala.runtime.BoxedUnit;

/**
 * The SQL functions of {@link HashtagFunctions} in every session, by configuration alone: Spark calls this class
 * when a session is created with {@code spark.sql.extensions=io.hashtagstreams.core.sql.HashtagSqlExtensions} and
 * the core jar on the classpath, and it injects {@code hashtags}, {@code hashtags_as_written} (both with their
 * {@code (text, network)} forms), {@code normalize_hashtag}, {@code parse_tweet}, {@code parse_post} and
 * {@code tweet_reject_reason} into the session's function registry
 * ({@code SparkSessionExtensions.injectFunction}, as Delta's {@code DeltaSparkSessionExtension} and
 * Sedona's extensions do). Pure SQL ({@code spark-sql}, the Thrift server), PySpark without
 * {@code registerJavaFunction} and Spark Connect clients (of a Connect server so configured, with the core jar on
 * its classpath; the client needs no Hashtag Streams jar; tested on the Spark 4 line with Spark's JVM Connect client
 * in the {@code connect-tests} module) then call them by name.
 *
 * <pre>
 * spark-sql --jars hashtag-streams-core-3.5_2.12-0.3.0.jar \
 *   --conf spark.sql.extensions=io.hashtagstreams.core.sql.HashtagSqlExtensions
 * spark-sql&gt; SELECT hashtags('Go #Rio2016 #RIO2016');   -- ["rio2016","rio2016"]
 * </pre>
 *
 * <p>Inputs, outputs and NULL behaviour are those of {@link HashtagFunctions}; tweets are read with
 * {@link ExtractOptions#defaults()} (register with {@link HashtagFunctions#register(org.apache.spark.sql.SparkSession,
 * ExtractOptions)} for other options). A call with the wrong number of arguments fails the query's analysis with an
 * {@link IllegalArgumentException} naming the function.
 *
 * @since 0.3.0
 */
public final class HashtagSqlExtensions implements Function1<SparkSessionExtensions, BoxedUnit> {

  /** For Spark, which instantiates the class named in {@code spark.sql.extensions}. */
  public HashtagSqlExtensions() {
  }

  /**
   * Injects every function of {@link HashtagFunctions}, the {@code (text, network)} forms included.
   *
   * @param extensions the session's extension points
   * @return nothing ({@link BoxedUnit#UNIT})
   */
  @Override
  @SuppressWarnings({"unchecked", "rawtypes"}) // the builder's Seq type is collection.Seq on Scala 2.12, immutable on 2.13
  public BoxedUnit apply(SparkSessionExtensions extensions) {
    for (HashtagFunctions.SqlFunction function : HashtagFunctions.all(ExtractOptions.defaults())) {
      DataType returnType = HashtagFunctions.type(function.returnType());
      UserDefinedFunction plain = functions.udf(function.udf(), returnType).withName(function.name());
      UserDefinedFunction byNetwork = function.byNetwork() == null ? null
          : functions.udf(function.byNetwork(), returnType).withName(function.name());
      Function1<scala.collection.Seq<Expression>, Expression> builder = arguments -> {
        if (arguments.size() == 1) {
          return ScalaUdfExpressions.apply(plain, arguments);
        }
        if (arguments.size() == 2 && byNetwork != null) {
          NetworkOverloads.checkLiteralNetwork(function.name(), arguments.apply(1));
          return ScalaUdfExpressions.apply(byNetwork, arguments);
        }
        throw new IllegalArgumentException(function.name() + " takes "
            + (byNetwork != null ? "(text) or (text, network)" : "1 argument") + ", but was given "
            + arguments.size());
      };
      ExpressionInfo info = new ExpressionInfo(function.udf().getClass().getName(), null, function.name());
      extensions.injectFunction(new Tuple3(new FunctionIdentifier(function.name()), info, builder));
    }
    return BoxedUnit.UNIT;
  }
}
