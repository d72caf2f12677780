package dev.sift.bench.pii;

import dev.sift.transforms.dedup.Hash64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * A fixed-size sample of the distinct findings of one type, spread over the whole logs rather than
 * taken from their start, where one repeated line can fill it: of every distinct finding in
 * context, those whose hash is smallest. The same logs give the same sample on every run.
 */
final class FindingSample {
  private final int size;

  /** The sampled findings by hash, each with the place it was first seen. */
  private final TreeMap<Long, Finding> byHash = new TreeMap<>();

  /** The hash of every distinct finding offered. */
  private final Set<Long> hashes = new HashSet<>();

  private long seen;

  private record Finding(long order, String inContext) {}

  FindingSample(int size) {
    this.size = size;
  }

  /** Offers the next finding, {@code inContext}: its text around it. */
  void offer(String inContext) {
    long order = seen++;
    long hash = Hash64.of(inContext, 0, inContext.length(), 0);
    if (!hashes.add(hash)) {
      return;
    }
    if (byHash.size() < size) {
      byHash.put(hash, new Finding(order, inContext));
    } else if (hash < byHash.lastKey()) {
      byHash.pollLastEntry();
      byHash.put(hash, new Finding(order, inContext));
    }
  }

  /** How many findings were offered. */
  long seen() {
    return seen;
  }

  /** How many of them were distinct, in context. */
  long distinct() {
    return hashes.size();
  }

  /** The sampled findings, in the order they were offered. */
  List<String> inOrder() {
    return byHash.values().stream()
        .sorted(Comparator.comparingLong(Finding::order))
        .map(Finding::inContext)
        .toList();
  }
}
