package dev.sift.transforms;

import java.io.Serializable;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StructuralByteArray;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Java serialisation for internal values of a stage, compared by their encoded bytes. {@link
 * SerializableCoder} compares with {@code equals}, which such value holders do not define, so the
 * Direct Runner's mutation detector would log a warning for every element.
 */
public final class SerializedCoder<T extends Serializable> extends SerializableCoder<T> {
  private SerializedCoder(Class<T> type) {
    super(type, TypeDescriptor.of(type));
  }

  public static <T extends Serializable> SerializedCoder<T> forType(Class<T> type) {
    return new SerializedCoder<>(type);
  }

  @Override
  public boolean consistentWithEquals() {
    return false;
  }

  @Override
  public Object structuralValue(T value) {
    try {
      return new StructuralByteArray(CoderUtils.encodeToByteArray(this, value));
    } catch (CoderException e) {
      throw new IllegalArgumentException("cannot encode " + value, e);
    }
  }
}
