package dev.sift.transforms.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.schemas.Reason;
import dev.sift.schemas.spec.DedupSpec;
import dev.sift.transforms.dedup.ClusterSummary;
import dev.sift.transforms.dedup.LshBands;
import dev.sift.transforms.json.Json;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code dedup} section of a report: the settings in force (with the derived LSH bands and
 * rows), duplicate counts overall and per task, the histogram of cluster sizes in powers of two,
 * and the largest clusters with an example each.
 */
final class DedupSection {
  private DedupSection() {}

  static ObjectNode render(Map<String, Long> counts, List<ClusterSummary> largest, DedupSpec spec) {
    Map<String, long[]> byTask = new TreeMap<>();
    Map<Integer, Long> histogram = new TreeMap<>();
    long exact = 0;
    long near = 0;
    long clusters = 0;
    long unsettled = 0;
    for (Map.Entry<String, Long> entry : counts.entrySet()) {
      Tally tally = Tally.parse(entry.getKey());
      long n = entry.getValue();
      if (tally.kind() == Tally.Kind.CLUSTER) {
        clusters += n;
        histogram.merge(bin(Long.parseLong(tally.name())), n, Long::sum);
        perTask(byTask, tally.task())[0] += n;
      } else if (tally.kind() == Tally.Kind.UNSETTLED) {
        unsettled += n;
      } else if (tally.kind() == Tally.Kind.FILTERED) {
        if (tally.name().equals(Reason.EXACT_DUPLICATE.code())) {
          exact += n;
          perTask(byTask, tally.task())[1] += n;
        } else if (tally.name().equals(Reason.NEAR_DUPLICATE.code())) {
          near += n;
          perTask(byTask, tally.task())[2] += n;
        }
      }
    }
    ObjectNode section = Json.object();
    section.set("settings", settings(spec));
    section.put("clusters", clusters);
    section.put("exactDuplicates", exact);
    section.put("nearDuplicates", near);
    section.put("unsettledNodes", unsettled);
    ArrayNode sizes = section.putArray("clusterSizes");
    histogram.forEach(
        (from, n) -> {
          ObjectNode bin = sizes.addObject();
          bin.put("from", from);
          bin.put("to", from == 2 ? 2 : 2 * (from - 1));
          bin.put("clusters", n);
        });
    ArrayNode top = section.putArray("largestClusters");
    for (ClusterSummary cluster : largest) {
      ObjectNode node = top.addObject();
      node.put("representative", cluster.getRepresentative());
      node.put("task", cluster.getTask());
      node.put("size", cluster.getSize());
      node.put("exactDuplicates", cluster.getExactDuplicates());
      node.put("nearDuplicates", cluster.getNearDuplicates());
      node.put("example", cluster.getExample());
    }
    ObjectNode tasks = section.putObject("byTask");
    byTask.forEach(
        (task, n) -> {
          ObjectNode node = tasks.putObject(task);
          node.put("clusters", n[0]);
          node.put("exactDuplicates", n[1]);
          node.put("nearDuplicates", n[2]);
        });
    return section;
  }

  /** The first size of the power-of-two bin holding {@code size}: 2, 3 (3-4), 5 (5-8), 9, ... */
  static int bin(long size) {
    if (size <= 2) {
      return 2;
    }
    long upper = Long.highestOneBit(size - 1) * 2;
    return (int) (upper / 2 + 1);
  }

  private static long[] perTask(Map<String, long[]> byTask, String task) {
    return byTask.computeIfAbsent(task, t -> new long[3]);
  }

  private static ObjectNode settings(DedupSpec spec) {
    LshBands bands = LshBands.forThreshold(spec.threshold(), spec.numPerm());
    ObjectNode node = Json.object();
    node.put("scope", spec.scope());
    node.put("key", spec.key());
    node.put("near", spec.near());
    node.put("threshold", spec.threshold());
    node.put("shingleSize", spec.shingleSize());
    node.put("numPerm", spec.numPerm());
    node.put("bands", bands.bands());
    node.put("rows", bands.rows());
    node.put("verification", spec.verification());
    ArrayNode mask = node.putArray("mask");
    spec.mask().forEach(mask::add);
    return node;
  }
}
