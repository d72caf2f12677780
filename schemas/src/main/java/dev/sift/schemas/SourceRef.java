package dev.sift.schemas;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;

/** Where a record came from: the file, its first line, and its ordinal among the file's records. */
@DefaultSchema(AutoValueSchema.class)
@AutoValue
public abstract class SourceRef implements Serializable {

  /** The file as it was matched (a local path or a URI such as {@code gs://...}). */
  public abstract String getFile();

  /** 1-based line on which the record starts; 0 when the problem concerns the whole file. */
  public abstract long getLine();

  /** 1-based ordinal of the record in its file; 0 when the problem concerns the whole file. */
  public abstract long getRecord();

  /** The input format the record was read as: {@code openai}, {@code sharegpt}, ... */
  public abstract String getFormat();

  public static SourceRef create(String file, long line, long record, String format) {
    return new AutoValue_SourceRef(file, line, record, format);
  }

  /** {@code file:line}, the way compilers name a place in a file. */
  public String location() {
    return getLine() > 0 ? getFile() + ":" + getLine() : getFile();
  }
}
