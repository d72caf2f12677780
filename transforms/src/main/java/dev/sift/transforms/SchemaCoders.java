package dev.sift.transforms;

import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.schemas.NoSuchSchemaException;
import org.apache.beam.sdk.values.PCollection;

/**
 * Coders for collections that nest a schema type in a {@code KV} or a {@code List}: Beam infers
 * schema coders for a collection's own element type only, so those must be set explicitly.
 */
public final class SchemaCoders {
  private SchemaCoders() {}

  /** The schema coder of {@code type}, from the registry of the pipeline {@code any} belongs to. */
  public static <T> Coder<T> of(PCollection<?> any, Class<T> type) {
    try {
      return any.getPipeline().getSchemaRegistry().getSchemaCoder(type);
    } catch (NoSuchSchemaException e) {
      throw new IllegalArgumentException(type + " has no Beam schema", e);
    }
  }

  /** {@code KV<String, T>}. */
  public static <T> KvCoder<String, T> keyed(PCollection<?> any, Class<T> type) {
    return KvCoder.of(StringUtf8Coder.of(), of(any, type));
  }

  /** {@code KV<String, List<T>>}. */
  public static <T> KvCoder<String, List<T>> keyedLists(PCollection<?> any, Class<T> type) {
    return KvCoder.of(StringUtf8Coder.of(), ListCoder.of(of(any, type)));
  }
}
