package dev.sift.transforms.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sift.schemas.spec.SiftSpec;
import dev.sift.transforms.dedup.ClusterSummary;
import dev.sift.transforms.json.Json;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class QualityReportTest {

  @Test
  void balancesAndDecidesPerTask() throws Exception {
    Map<String, Long> counts = new TreeMap<>();
    counts.put(Tally.key(Tally.Kind.READ, "billing", "openai"), 230L);
    counts.put(Tally.key(Tally.Kind.READ, "", "unknown"), 4L);
    counts.put(Tally.key(Tally.Kind.DEAD_LETTER, "", "invalid_json"), 4L);
    counts.put(Tally.key(Tally.Kind.DEAD_LETTER, "billing", "no_assistant_turn"), 2L);
    counts.put(Tally.key(Tally.Kind.FILTERED, "billing", "exact_duplicate"), 8L);
    counts.put(Tally.key(Tally.Kind.KEPT, "billing", ""), 220L);
    counts.put(Tally.key(Tally.Kind.EMITTED, "billing", "train"), 198L);
    counts.put(Tally.key(Tally.Kind.EMITTED, "billing", "validation"), 22L);

    String billingOutputs =
        "{\"decision\":\"fine-tune\",\"why\":\"220 clean examples reach"
            + " fineTuneMinExamples=200\",\"split\":{\"counts\":{\"train\":198,"
            + "\"validation\":22,\"capped\":0},\"movedToTrain\":1}}";

    JsonNode report =
        Json.mapper()
            .readTree(
                QualityReport.render(
                    counts,
                    List.of(),
                    Map.of(),
                    Map.of("billing", billingOutputs),
                    SiftSpec.standard()));

    JsonNode accounting = report.get("accounting");
    assertEquals(234, accounting.get("read").asLong());
    assertEquals(220, accounting.get("emitted").asLong());
    assertEquals(8, accounting.get("filtered").asLong());
    assertEquals(6, accounting.get("deadLettered").asLong());
    assertTrue(accounting.get("balanced").asBoolean());
    assertEquals(4, report.at("/inputs/recordsByFormat/unknown").asLong());
    JsonNode billing = report.get("tasks").get(0);
    assertEquals("fine-tune", billing.get("decision").asText());
    assertEquals("220 clean examples reach fineTuneMinExamples=200", billing.get("why").asText());
    assertEquals(22, billing.at("/split/counts/validation").asLong(), "emit's split is passed on");
    assertEquals(1, billing.at("/split/movedToTrain").asLong());
    assertTrue(billing.get("balanced").asBoolean());
    assertEquals("tasks/billing/train.jsonl", billing.get("outputs").get(0).asText());
    assertEquals("tasks/billing/validation.jsonl", billing.get("outputs").get(1).asText());
  }

  @Test
  void saysWhenTheBalanceDoesNotHold() throws Exception {
    Map<String, Long> counts =
        Map.of(
            Tally.key(Tally.Kind.READ, "t", "csv"),
            3L,
            Tally.key(Tally.Kind.EMITTED, "t", "few_shot"),
            2L);
    JsonNode report =
        Json.mapper().readTree(QualityReport.render(counts, List.of(), SiftSpec.standard()));
    assertFalse(report.at("/accounting/balanced").asBoolean());
  }

  @Test
  void rendersTheSameBytesForTheSameCounts() {
    Map<String, Long> counts =
        new TreeMap<>(
            Map.of(
                Tally.key(Tally.Kind.READ, "b", "csv"),
                1L,
                Tally.key(Tally.Kind.READ, "a", "csv"),
                1L));
    assertEquals(
        QualityReport.render(counts, List.of(), SiftSpec.standard()),
        QualityReport.render(Map.copyOf(counts), List.of(), SiftSpec.standard()));
  }

  @Test
  void reportsDuplicateClustersBySizeAndTask() throws Exception {
    Map<String, Long> counts = new TreeMap<>();
    counts.put(Tally.key(Tally.Kind.READ, "billing", "openai"), 20L);
    counts.put(Tally.key(Tally.Kind.FILTERED, "billing", "exact_duplicate"), 3L);
    counts.put(Tally.key(Tally.Kind.FILTERED, "billing", "near_duplicate"), 5L);
    counts.put(Tally.key(Tally.Kind.CLUSTER, "billing", "2"), 4L);
    counts.put(Tally.key(Tally.Kind.CLUSTER, "billing", "5"), 1L);
    counts.put(Tally.key(Tally.Kind.KEPT, "billing", ""), 12L);
    counts.put(Tally.key(Tally.Kind.EMITTED, "billing", "few_shot"), 12L);
    ClusterSummary largest = ClusterSummary.create("abc", "billing", 5, 0, 4, "user: hi");

    JsonNode report =
        Json.mapper().readTree(QualityReport.render(counts, List.of(largest), SiftSpec.standard()));

    JsonNode dedup = report.get("dedup");
    assertEquals(5, dedup.get("clusters").asLong());
    assertEquals(3, dedup.get("exactDuplicates").asLong());
    assertEquals(5, dedup.get("nearDuplicates").asLong());
    assertEquals(
        "[{\"from\":2,\"to\":2,\"clusters\":4},{\"from\":5,\"to\":8,\"clusters\":1}]",
        Json.compact(dedup.get("clusterSizes")));
    assertEquals("abc", dedup.at("/largestClusters/0/representative").asText());
    assertEquals(5, dedup.at("/byTask/billing/clusters").asLong());
    assertEquals(18, dedup.at("/settings/bands").asInt());
    assertEquals(7, dedup.at("/settings/rows").asInt());
    assertEquals(1, report.get("tasks").size(), "clusters are not tasks of their own");
    assertTrue(report.at("/tasks/0/balanced").asBoolean());
  }

  @Test
  void binsClusterSizesInPowersOfTwo() {
    assertEquals(List.of(2, 3, 3, 5, 5, 9, 9, 17), sizes(2, 3, 4, 5, 8, 9, 16, 17));
  }

  private static List<Integer> sizes(long... sizes) {
    return java.util.Arrays.stream(sizes).mapToObj(DedupSection::bin).toList();
  }
}
