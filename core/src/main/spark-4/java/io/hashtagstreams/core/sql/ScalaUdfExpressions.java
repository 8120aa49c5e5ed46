package io.hashtagstreams.core.sql;

import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.classic.UserDefinedFunctionUtils;
import org.apache.spark.sql.expressions.SparkUserDefinedFunction;
import org.apache.spark.sql.expressions.UserDefinedFunction;

/**
 * A user-defined function applied to argument expressions, as the expression Spark's analyzer works with (a
 * {@code ScalaUDF}), for functions injected through {@code SparkSessionExtensions}. Spark 4 builds it with
 * {@code classic.UserDefinedFunctionUtils.toScalaUDF}; Spark 3.5 had it on {@code SparkUserDefinedFunction}.
 * One copy of this class per Spark line, in {@code core/src/main/spark-<line>/java}.
 */
final class ScalaUdfExpressions {

  private ScalaUdfExpressions() {
  }

  /** {@code udf} (made by {@code functions.udf}) over {@code arguments}. */
  static Expression apply(UserDefinedFunction udf, scala.collection.Seq<Expression> arguments) {
    return UserDefinedFunctionUtils.toScalaUDF((SparkUserDefinedFunction) udf, arguments.toSeq());
  }
}
