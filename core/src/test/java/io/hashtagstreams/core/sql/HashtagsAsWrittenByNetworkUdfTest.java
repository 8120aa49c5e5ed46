package io.hashtagstreams.core.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

/**
 * {@code hashtags_as_written(text, network)} called directly, without Spark; {@link HashtagsByNetworkSqlTest} runs
 * it in Spark SQL.
 */
class HashtagsAsWrittenByNetworkUdfTest {

  private static final String TEXT = "Gold! #Rio2016 #double#rainbow #ＯＬＹＭＰＩＣＳ (#paren) #one·two·three·";

  @Test
  void keepsTheTagsOfEachNetworksRulesAsWritten() {
    HashtagsAsWrittenByNetworkUdf udf = new HashtagsAsWrittenByNetworkUdf();

    assertThat(udf.call(TEXT, "twitter")).containsExactly("Rio2016", "ＯＬＹＭＰＩＣＳ", "paren", "one·two·three·");
    assertThat(udf.call(TEXT, "bluesky"))
        .containsExactly("Rio2016", "double#rainbow", "ＯＬＹＭＰＩＣＳ", "one·two·three");
    assertThat(udf.call(TEXT, "mastodon")).containsExactly("Rio2016", "double", "ＯＬＹＭＰＩＣＳ", "one·two·three");
  }

  @Test
  void givesNullForANullTextOrNetworkAndAnEmptyArrayWithoutHashtags() {
    HashtagsAsWrittenByNetworkUdf udf = new HashtagsAsWrittenByNetworkUdf();

    assertThat(udf.call(null, "twitter")).isNull();
    assertThat(udf.call("#a", null)).isNull();
    assertThat(udf.call("", "bluesky")).isEmpty();
  }

  @Test
  void rejectsAnUnknownNetworkNamingTheFunctionAndTheValue() {
    assertThatThrownBy(() -> new HashtagsAsWrittenByNetworkUdf().call("#a", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("hashtags_as_written(text, network): unknown network 'x';"
            + " expected one of twitter, bluesky, mastodon");
  }

  @Test
  void isAPublicSerializableUdf2WithANameAndDdlType() throws Exception {
    assertThat(HashtagsAsWrittenByNetworkUdf.class.getConstructor().newInstance()).isInstanceOf(UDF2.class);
    assertThat(HashtagsAsWrittenByNetworkUdf.NAME).isEqualTo("hashtags_as_written");
    assertThat(DataType.fromDDL(HashtagsAsWrittenByNetworkUdf.RETURN_TYPE))
        .isEqualTo(DataTypes.createArrayType(DataTypes.StringType));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(new HashtagsAsWrittenByNetworkUdf());
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(((HashtagsAsWrittenByNetworkUdf) in.readObject()).call("#A", "bluesky")).containsExactly("A");
    }
  }
}
