package dev.sift.transforms.emit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link LeakMates}: each validation key with the training keys sharing a band with it, the first
 * {@link FindSplitLeaks#MATES_PER_BAND} of a crowded band, as a sort of boxed entries gives them.
 */
class LeakMatesTest {
  @Test
  void matesOfValidationExamplesSharingBands() {
    long v = LeakMember.tagged(100, true);
    long t1 = LeakMember.tagged(-40, false);
    long t2 = LeakMember.tagged(60, false);
    long lonely = LeakMember.tagged(300, true);
    List<long[]> batches =
        List.of(new long[] {7, v, 7, t2, 9, lonely}, new long[] {7, t1, 8, v, 8, t1, 8, t2});
    Map<Long, long[]> found = find(batches);
    assertEquals(Set.of(100L), found.keySet());
    assertArrayEquals(new long[] {-40, 60}, found.get(100L));
  }

  @Test
  void crowdedBandsGiveTheirFirstTrainingKeys() {
    List<Long> entries = new ArrayList<>();
    for (int i = 0; i < 3 * FindSplitLeaks.MATES_PER_BAND; i++) {
      entries.add(5L);
      entries.add(LeakMember.tagged(1000 - 10L * i, false));
    }
    entries.add(5L);
    entries.add(LeakMember.tagged(2, true));
    long[] batch = entries.stream().mapToLong(Long::longValue).toArray();
    long[] mates = find(List.of(batch)).get(2L);
    assertEquals(FindSplitLeaks.MATES_PER_BAND, mates.length);
    assertEquals(1000 - 10L * (3 * FindSplitLeaks.MATES_PER_BAND - 1), mates[0]);
  }

  @Test
  void agreesWithSortedEntriesOnRandomBuckets() {
    Random random = new Random(11);
    for (int round = 0; round < 300; round++) {
      List<long[]> batches = new ArrayList<>();
      int bands = 1 + random.nextInt(40);
      int members = 1 + random.nextInt(200);
      for (int b = random.nextInt(6); b >= 0; b--) {
        long[] batch = new long[2 * random.nextInt(300)];
        for (int i = 0; i < batch.length; i += 2) {
          // Band keys and member keys of both signs; small pools make crowded bands.
          batch[i] = (random.nextInt(bands) - bands / 2) * 0x9E3779B97F4A7C15L;
          long key = LeakMember.keyOf("example-" + random.nextInt(members));
          batch[i + 1] = LeakMember.tagged(key, random.nextInt(5) == 0);
        }
        batches.add(batch);
      }
      Map<Long, long[]> expected = reference(batches);
      Map<Long, long[]> found = find(batches);
      assertEquals(expected.keySet(), found.keySet());
      expected.forEach((key, mates) -> assertArrayEquals(mates, found.get(key)));
    }
  }

  /** What LeakMates finds, checking it comes in ascending key order. */
  private static Map<Long, long[]> find(List<long[]> batches) {
    Map<Long, long[]> found = new TreeMap<>();
    List<Long> order = new ArrayList<>();
    LeakMates.find(
        batches,
        (key, training) -> {
          order.add(key);
          found.put(key, training);
        });
    List<Long> sorted = new ArrayList<>(order);
    sorted.sort(Comparator.naturalOrder());
    assertEquals(sorted, order);
    assertEquals(order.size(), found.size());
    return found;
  }

  private record Entry(long band, long member) {}

  /** The search as boxed, sorted entries and sets do it. */
  private static Map<Long, long[]> reference(List<long[]> batches) {
    List<Entry> entries = new ArrayList<>();
    for (long[] batch : batches) {
      for (int i = 0; i < batch.length; i += 2) {
        entries.add(new Entry(batch[i], batch[i + 1]));
      }
    }
    entries.sort(Comparator.comparingLong(Entry::band).thenComparingLong(Entry::member));
    Map<Long, Set<Long>> mates = new TreeMap<>();
    for (int start = 0, end; start < entries.size(); start = end) {
      end = start;
      while (end < entries.size() && entries.get(end).band() == entries.get(start).band()) {
        end++;
      }
      List<Long> training = new ArrayList<>();
      for (Entry entry : entries.subList(start, end)) {
        if (!LeakMember.isValidation(entry.member())
            && training.size() < FindSplitLeaks.MATES_PER_BAND) {
          training.add(entry.member());
        }
      }
      if (training.isEmpty()) {
        continue;
      }
      for (Entry entry : entries.subList(start, end)) {
        if (LeakMember.isValidation(entry.member())) {
          mates
              .computeIfAbsent(LeakMember.untagged(entry.member()), k -> new TreeSet<>())
              .addAll(training);
        }
      }
    }
    Map<Long, long[]> result = new TreeMap<>();
    mates.forEach(
        (key, training) -> result.put(key, training.stream().mapToLong(Long::longValue).toArray()));
    return result;
  }
}
