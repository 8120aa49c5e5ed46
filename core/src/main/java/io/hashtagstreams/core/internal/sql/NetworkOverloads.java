package io.hashtagstreams.core.internal.sql;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.analysis.FunctionRegistry;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.internal.SessionState;
import org.apache.spark.sql.types.DataType;

import scala.Function1;
import scala.Option;
import scala.runtime.AbstractFunction1;

/**
 * One SQL name for two functions: {@code name(text)} (Twitter's rules) and {@code name(text, network)}.
 *
 * <p>Spark's {@code spark.udf().register} keeps one function per name. So both are registered through it in turn,
 * the function builder Spark made for each is taken from the session's function registry, and the name is
 * registered once more with a builder that hands a call to one or the other by its number of arguments. The calls
 * are then exactly the Java UDFs Spark would have built itself. A literal {@code network} is checked when the
 * builder runs, that is when the query is analysed, so {@code hashtags(text, 'blusky')} fails before any data is
 * read.
 *
 * <p>The session's registry is reached by one reflective call of {@code sessionState()}: public on Spark 3.5's
 * {@code SparkSession}, and on Spark 4's {@code org.apache.spark.sql.classic.SparkSession} (the class every
 * non-Connect session is), so the same bytes work on both lines; builders are passed as raw {@code Function1}
 * because their argument is {@code scala.collection.Seq} in Scala 2.12 and {@code scala.collection.immutable.Seq}
 * in 2.13; a registered builder is looked up under both keys Spark uses for temporary functions (see
 * {@code takeBuilder}). Checked on Spark 3.5.7 (the tests) and on 4.1.3 and 4.2.0 with Scala 2.13 (by hand).
 */
public final class NetworkOverloads {

  private NetworkOverloads() {
  }

  /**
   * Registers {@code name(text)} as {@code plain} and {@code name(text, network)} as {@code byNetwork} in
   * {@code spark}, replacing any function of that name.
   *
   * @throws IllegalStateException when {@code spark} has no session state (a Spark Connect session)
   */
  public static void register(SparkSession spark, String name, UDF1<String, ?> plain,
      UDF2<String, String, ?> byNetwork, DataType returnType) {
    FunctionRegistry registry = functionRegistry(spark);
    spark.udf().register(name, byNetwork, returnType);
    Function1<?, ?> twoArguments = takeBuilder(registry, name);
    spark.udf().register(name, plain, returnType);
    Function1<?, ?> oneArgument = takeBuilder(registry, name);
    registerBuilder(registry, name, new ByArgumentCount(name, oneArgument, twoArguments));
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static void registerBuilder(FunctionRegistry registry, String name, Function1 builder) {
    registry.createOrReplaceTempFunction(name, builder, "java_udf");
  }

  /**
   * The builder of the temporary function {@code name}, which is then dropped, so that the next registration under
   * that name replaces nothing (Spark logs a warning for every replaced function). Spark 4.2 keys temporary
   * functions as {@code system.session.<name>} (and refuses a lookup by the bare name); Spark 3.5 keys them by the
   * bare name.
   */
  @SuppressWarnings("rawtypes")
  private static Function1<?, ?> takeBuilder(FunctionRegistry registry, String name) {
    FunctionIdentifier[] keys = {
        new FunctionIdentifier(name, Option.apply("session"), Option.apply("system")),
        new FunctionIdentifier(name)};
    for (FunctionIdentifier key : keys) {
      Option found = registry.lookupFunctionBuilder(key);
      if (found.isDefined()) {
        registry.dropFunction(key);
        return (Function1<?, ?>) found.get();
      }
    }
    throw new IllegalStateException("function " + name + " was registered but is not in the session's registry");
  }

  private static FunctionRegistry functionRegistry(SparkSession spark) {
    Object state;
    try {
      state = spark.getClass().getMethod("sessionState").invoke(spark);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the SQL functions need a session with a function registry (sessionState());"
          + " " + spark.getClass().getName() + " has none, e.g. a Spark Connect session: register the functions"
          + " by class name there", e);
    }
    return ((SessionState) state).functionRegistry();
  }

  /** The builder registered under the shared name: one argument to the first builder, two to the second. */
  static final class ByArgumentCount extends AbstractFunction1<Object, Object> {

    private final String name;
    private final Function1<Object, Object> oneArgument;
    private final Function1<Object, Object> twoArguments;

    @SuppressWarnings("unchecked")
    ByArgumentCount(String name, Function1<?, ?> oneArgument, Function1<?, ?> twoArguments) {
      this.name = name;
      this.oneArgument = (Function1<Object, Object>) oneArgument;
      this.twoArguments = (Function1<Object, Object>) twoArguments;
    }

    @Override
    public Object apply(Object arguments) {
      scala.collection.Seq<?> children = (scala.collection.Seq<?>) arguments;
      switch (children.length()) {
        case 1:
          return oneArgument.apply(arguments);
        case 2:
          checkLiteralNetwork(name, (Expression) children.apply(1));
          return twoArguments.apply(arguments);
        default:
          throw new IllegalArgumentException(name + " takes (text) or (text, network), but got "
              + children.length() + " arguments");
      }
    }
  }

  /**
   * Fails when {@code network}, the second argument of {@code name(text, network)}, is a constant that names no
   * network, so a misspelt literal fails the query at analysis; anything else is checked per row by the function.
   *
   * @throws IllegalArgumentException naming the function and the bad value
   */
  public static void checkLiteralNetwork(String name, Expression network) {
    if (!network.resolved() || !network.foldable()) {
      return;
    }
    Object value;
    try {
      value = network.eval(null);
    } catch (RuntimeException e) {
      return;  // not a constant after all; the function checks each row's value
    }
    if (value != null) {
      NetworkArgument.parse(name + "(text, network)", value.toString());
    }
  }
}
