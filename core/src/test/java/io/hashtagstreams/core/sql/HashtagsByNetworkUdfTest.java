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
 * {@code hashtags(text, network)} called directly, without Spark; {@link HashtagsByNetworkSqlTest} runs it in Spark
 * SQL.
 */
class HashtagsByNetworkUdfTest {

  private static final String TEXT = "Gold! #Rio2016 #double#rainbow #ＯＬＹＭＰＩＣＳ (#paren) #one·two·three·";

  @Test
  void normalizesTheTagsOfEachNetworksRules() {
    HashtagsByNetworkUdf udf = new HashtagsByNetworkUdf();

    assertThat(udf.call(TEXT, "twitter")).containsExactly("rio2016", "olympics", "paren", "one·two·three·");
    assertThat(udf.call(TEXT, "bluesky")).containsExactly("rio2016", "double#rainbow", "olympics", "one·two·three");
    assertThat(udf.call(TEXT, "mastodon")).containsExactly("rio2016", "double", "olympics", "one·two·three");
  }

  @Test
  void readsTheNetworkIgnoringCaseAndSpaces() {
    assertThat(new HashtagsByNetworkUdf().call("#A #a", " BlueSky ")).containsExactly("a", "a");
  }

  @Test
  void givesNullForANullTextOrNetworkAndAnEmptyArrayWithoutHashtags() {
    HashtagsByNetworkUdf udf = new HashtagsByNetworkUdf();

    assertThat(udf.call(null, "bluesky")).isNull();
    assertThat(udf.call("#a", null)).isNull();
    assertThat(udf.call("no tags, x#y", "mastodon")).isEmpty();
  }

  @Test
  void rejectsAnUnknownNetworkNamingTheFunctionAndTheValue() {
    assertThatThrownBy(() -> new HashtagsByNetworkUdf().call("#a", "threads"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("hashtags(text, network): unknown network 'threads'; expected one of twitter, bluesky, mastodon");
  }

  @Test
  void isAPublicSerializableUdf2WithANameAndDdlType() throws Exception {
    assertThat(HashtagsByNetworkUdf.class.getConstructor().newInstance()).isInstanceOf(UDF2.class);
    assertThat(HashtagsByNetworkUdf.NAME).isEqualTo("hashtags");
    assertThat(DataType.fromDDL(HashtagsByNetworkUdf.RETURN_TYPE))
        .isEqualTo(DataTypes.createArrayType(DataTypes.StringType));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(new HashtagsByNetworkUdf());
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(((HashtagsByNetworkUdf) in.readObject()).call("#A", "mastodon")).containsExactly("a");
    }
  }
}
