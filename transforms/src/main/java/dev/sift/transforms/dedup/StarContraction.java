package dev.sift.transforms.dedup;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.apache.beam.sdk.values.KV;

/**
 * The steps of the alternating connected-components algorithm of Kiveris et al., "Connected
 * Components in MapReduce and Beyond" (SoCC 2014), on the neighbourhood of one node at a time. Each
 * step replaces the edges around a node by edges that keep every component connected and move nodes
 * closer to their component's smallest node; alternating them turns every component into a star
 * around its smallest node, in a number of rounds logarithmic in practice.
 */
final class StarContraction {
  private StarContraction() {}

  /** Neighbourhoods from adjacency entries {@code (node, neighbour)}; self-loops are dropped. */
  static Map<String, TreeSet<String>> neighbourhoods(Iterable<List<KV<String, String>>> batches) {
    Map<String, TreeSet<String>> neighbours = new HashMap<>();
    for (List<KV<String, String>> batch : batches) {
      for (KV<String, String> entry : batch) {
        if (!entry.getKey().equals(entry.getValue())) {
          neighbours.computeIfAbsent(entry.getKey(), node -> new TreeSet<>()).add(entry.getValue());
        }
      }
    }
    return neighbours;
  }

  /**
   * Large-star: every neighbour larger than {@code node} is linked to the smallest node of the
   * neighbourhood (the node included).
   */
  static void largeStar(String node, TreeSet<String> neighbours, BiConsumer<String, String> edge) {
    String smallest = min(node, neighbours.first());
    for (String larger : neighbours.tailSet(node, false)) {
      edge.accept(larger, smallest);
    }
  }

  /**
   * Small-star: the node and its smaller neighbours are all linked to the smallest of them; a node
   * with no smaller neighbour emits nothing (its larger neighbours do).
   */
  static void smallStar(String node, TreeSet<String> neighbours, BiConsumer<String, String> edge) {
    if (neighbours.first().compareTo(node) > 0) {
      return;
    }
    String smallest = neighbours.first();
    edge.accept(node, smallest);
    for (String smaller : neighbours.headSet(node, false)) {
      if (!smaller.equals(smallest)) {
        edge.accept(smaller, smallest);
      }
    }
  }

  /**
   * The node a settled node points to: itself when it has no smaller neighbour (a star's centre),
   * else its only neighbour (a star's leaf). A node with a smaller neighbour and more than one
   * neighbour is not settled (its component is not yet a star): it is labelled with itself, so that
   * every label is a node that keeps itself and a cluster is only ever split, never wrongly merged.
   */
  static Label label(String node, TreeSet<String> neighbours) {
    if (neighbours.first().compareTo(node) > 0) {
      return new Label(node, true);
    }
    return neighbours.size() == 1 ? new Label(neighbours.first(), true) : new Label(node, false);
  }

  /** A node's label, and whether its component had converged. */
  record Label(String label, boolean settled) {}

  private static String min(String a, String b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
