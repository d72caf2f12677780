package dev.sift.bench.dedup.spark;

import dev.sift.bench.dedup.SimilarityJoin;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Spark MLlib's {@code MinHashLSH.approxSimilarityJoin} on the same shingle sets, on a local Spark
 * with two cores: each set becomes a sparse binary vector (a shingle hash modulo {@value
 * #DIMENSION} as its index), and the self-join keeps pairs whose Jaccard distance is at most {@code
 * 1 - threshold}. Built only with {@code -Pspark-bench}; Spark is never a dependency of Sift
 * itself.
 */
public final class SparkMinHashJoin implements SimilarityJoin {
  private static final long SEED = 42;

  /** Vector size: MinHashLSH needs it below its hash prime, 2,038,074,743. */
  private static final int DIMENSION = 2_000_000_000;

  /** Spark keeps distances strictly below its threshold; Sift keeps similarities at or above. */
  private static final double DISTANCE_SLACK = 1e-9;

  private final int tables;

  public SparkMinHashJoin(int tables) {
    this.tables = tables;
  }

  @Override
  public String describe() {
    return "MLlib MinHashLSH, "
        + tables
        + " hash tables, approxSimilarityJoin (exact Jaccard distance of the candidates), local[2]";
  }

  @Override
  public Set<Long> pairs(List<long[]> sets, double threshold) {
    SparkSession spark =
        SparkSession.builder()
            .appName("sift-dedup-bench")
            .master("local[2]")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.shuffle.partitions", "8")
            .getOrCreate();
    try {
      StructType schema =
          new StructType()
              .add("index", DataTypes.IntegerType, false)
              .add("features", SQLDataTypes.VectorType(), false);
      List<Row> rows = new ArrayList<>(sets.size());
      for (int i = 0; i < sets.size(); i++) {
        if (sets.get(i).length > 0) {
          rows.add(
              RowFactory.create(
                  i, Vectors.sparse(DIMENSION, indices(sets.get(i)), ones(sets.get(i)))));
        }
      }
      Dataset<Row> data = spark.createDataFrame(rows, schema).cache();
      MinHashLSHModel model =
          new MinHashLSH()
              .setNumHashTables(tables)
              .setSeed(SEED)
              .setInputCol("features")
              .setOutputCol("hashes")
              .fit(data);
      List<Row> joined =
          model
              .approxSimilarityJoin(data, data, 1 - threshold + DISTANCE_SLACK, "distance")
              .selectExpr("datasetA.index AS a", "datasetB.index AS b")
              .where("a < b")
              .collectAsList();
      Set<Long> pairs = new HashSet<>();
      for (Row row : joined) {
        pairs.add(((long) row.getInt(0) << 32) | row.getInt(1));
      }
      return pairs;
    } finally {
      spark.stop();
    }
  }

  /** Sorted distinct vector indices of a set of 64-bit shingle hashes. */
  private static int[] indices(long[] shingles) {
    int[] indices = new int[shingles.length];
    for (int i = 0; i < shingles.length; i++) {
      indices[i] = (int) Long.remainderUnsigned(shingles[i], DIMENSION);
    }
    return Arrays.stream(indices).sorted().distinct().toArray();
  }

  private static double[] ones(long[] shingles) {
    double[] ones = new double[indices(shingles).length];
    Arrays.fill(ones, 1);
    return ones;
  }
}
