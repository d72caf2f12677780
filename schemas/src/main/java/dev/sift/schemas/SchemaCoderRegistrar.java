package dev.sift.schemas;

import java.util.List;
import org.apache.beam.sdk.coders.CannotProvideCoderException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviderRegistrar;
import org.apache.beam.sdk.schemas.NoSuchSchemaException;
import org.apache.beam.sdk.schemas.SchemaRegistry;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Gives Sift's record types (those with a {@link DefaultSchema}) their schema coder where Beam asks
 * the coder registry rather than the schema registry: the tagged outputs of a multi-output {@code
 * ParDo}, and the components of a {@code KV} or {@code List}. Without it those fall back to Java
 * serialisation, since the records are {@code Serializable}, which costs several times more CPU.
 * Beam loads registrars with a {@link java.util.ServiceLoader} and consults them before its
 * Serializable fallback.
 */
public final class SchemaCoderRegistrar implements CoderProviderRegistrar {
  @Override
  public List<CoderProvider> getCoderProviders() {
    return List.of(new SiftSchemaTypes());
  }

  private static final class SiftSchemaTypes extends CoderProvider {
    @Override
    public <T> Coder<T> coderFor(TypeDescriptor<T> type, List<? extends Coder<?>> components)
        throws CannotProvideCoderException {
      Class<?> raw = type.getRawType();
      if (!raw.getName().startsWith("dev.sift.") || !raw.isAnnotationPresent(DefaultSchema.class)) {
        throw new CannotProvideCoderException(type + " is not a Sift record with a schema");
      }
      try {
        return SchemaRegistry.createDefault().getSchemaCoder(type);
      } catch (NoSuchSchemaException e) {
        throw new CannotProvideCoderException(type + " has no Beam schema", e);
      }
    }
  }
}
