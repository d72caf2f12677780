package dev.sift.transforms.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.values.KV;
import org.junit.jupiter.api.Test;

/**
 * The star-contraction steps on whole graphs, in memory: they keep components connected, settle on
 * stars around each component's smallest node, and do so within {@link
 * DeduplicateConversations#COMPONENT_ROUNDS} rounds for long paths and random graphs.
 */
class StarContractionTest {

  @Test
  void aLongPathSettlesOnItsSmallestNodeWithinTheRounds() {
    List<KV<String, String>> path = new ArrayList<>();
    for (int i = 0; i < 4_000; i++) {
      path.add(KV.of(node(i), node(i + 1)));
    }
    int rounds = roundsToSettle(path);
    assertTrue(rounds <= DeduplicateConversations.COMPONENT_ROUNDS, rounds + " rounds");
    Map<String, String> labels = labels(settle(path, rounds));
    assertEquals(4_001, labels.size());
    labels.values().forEach(label -> assertEquals(node(0), label));
  }

  @Test
  void aLongPathOfNodesInRandomKeyOrderSettlesFasterThanOneInKeyOrder() {
    // Node keys are content hashes, so a chain of edited copies visits its keys in random order.
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i <= 10_000; i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(11));
    List<KV<String, String>> path = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      path.add(KV.of(node(order.get(i)), node(order.get(i + 1))));
    }
    int rounds = roundsToSettle(path);
    assertTrue(rounds <= DeduplicateConversations.COMPONENT_ROUNDS, rounds + " rounds");
    Map<String, String> labels = labels(settle(path, rounds));
    labels.values().forEach(label -> assertEquals(node(0), label));
  }

  @Test
  void randomGraphsSettleOnTheSmallestNodeOfEachComponent() {
    Random random = new Random(7);
    for (int trial = 0; trial < 20; trial++) {
      int nodes = 500;
      List<KV<String, String>> edges = new ArrayList<>();
      for (int e = 0; e < 450; e++) {
        edges.add(KV.of(node(random.nextInt(nodes)), node(random.nextInt(nodes))));
      }
      int rounds = roundsToSettle(edges);
      assertTrue(rounds <= DeduplicateConversations.COMPONENT_ROUNDS, rounds + " rounds");
      assertEquals(unionFind(edges), labels(settle(edges, rounds)));
    }
  }

  @Test
  void aNodeOfAnUnsettledComponentKeepsItself() {
    // A path a - b - c after no rounds: b has a smaller neighbour and two neighbours.
    TreeSet<String> neighboursOfB = new TreeSet<>(List.of("a", "c"));
    assertEquals(new StarContraction.Label("b", false), StarContraction.label("b", neighboursOfB));
    assertEquals(
        new StarContraction.Label("b", true),
        StarContraction.label("c", new TreeSet<>(List.of("b"))));
  }

  private static String node(int i) {
    return String.format("n%05d", i);
  }

  /** Alternating rounds until every node is settled; the number of rounds that took. */
  private static int roundsToSettle(List<KV<String, String>> edges) {
    Map<String, TreeSet<String>> graph = graph(edges);
    for (int rounds = 0; rounds < 50; rounds++) {
      if (graph.entrySet().stream()
          .allMatch(node -> StarContraction.label(node.getKey(), node.getValue()).settled())) {
        return rounds;
      }
      graph = step(step(graph, true), false);
    }
    throw new AssertionError("did not settle in 50 rounds");
  }

  private static Map<String, TreeSet<String>> settle(List<KV<String, String>> edges, int rounds) {
    Map<String, TreeSet<String>> graph = graph(edges);
    for (int round = 0; round < rounds; round++) {
      graph = step(graph, true);
      graph = step(graph, false);
    }
    return graph;
  }

  private static Map<String, TreeSet<String>> step(
      Map<String, TreeSet<String>> graph, boolean large) {
    List<KV<String, String>> edges = new ArrayList<>();
    graph.forEach(
        (node, neighbours) -> {
          if (large) {
            StarContraction.largeStar(node, neighbours, (a, b) -> edges.add(KV.of(a, b)));
          } else {
            StarContraction.smallStar(node, neighbours, (a, b) -> edges.add(KV.of(a, b)));
          }
        });
    return graph(edges);
  }

  private static Map<String, TreeSet<String>> graph(List<KV<String, String>> edges) {
    List<KV<String, String>> both = new ArrayList<>();
    for (KV<String, String> edge : edges) {
      both.add(edge);
      both.add(KV.of(edge.getValue(), edge.getKey()));
    }
    return new TreeMap<>(StarContraction.neighbourhoods(List.of(both)));
  }

  private static Map<String, String> labels(Map<String, TreeSet<String>> graph) {
    Map<String, String> labels = new TreeMap<>();
    graph.forEach(
        (node, neighbours) -> labels.put(node, StarContraction.label(node, neighbours).label()));
    return labels;
  }

  /** Every node of a non-trivial component to its component's smallest node. */
  private static Map<String, String> unionFind(List<KV<String, String>> edges) {
    Map<String, String> parent = new TreeMap<>();
    for (KV<String, String> edge : edges) {
      if (!edge.getKey().equals(edge.getValue())) {
        String a = find(parent, edge.getKey());
        String b = find(parent, edge.getValue());
        if (!a.equals(b)) {
          parent.put(a.compareTo(b) < 0 ? b : a, a.compareTo(b) < 0 ? a : b);
        }
      }
    }
    Map<String, String> labels = new TreeMap<>();
    parent.keySet().forEach(node -> labels.put(node, find(parent, node)));
    return labels;
  }

  private static String find(Map<String, String> parent, String node) {
    String root = parent.computeIfAbsent(node, n -> n);
    while (!parent.get(root).equals(root)) {
      root = parent.get(root);
    }
    return root;
  }
}
