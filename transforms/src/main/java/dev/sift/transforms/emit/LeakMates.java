package dev.sift.transforms.emit;

import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongArrays;
import java.util.Arrays;

/**
 * The training mates of validation examples, from a bucket's band entries {@code [band key, tagged
 * member key, ...]} ({@link LeakMember#tagged}): the training examples sharing a band with each
 * validation one. A band shared by more than {@link FindSplitLeaks#MATES_PER_BAND} training
 * examples gives the first of them in key order. Entries are held and sorted as pairs of primitive
 * arrays: a bucket holds about 42 entries per example, too many to box.
 */
final class LeakMates {
  /** Receives a validation example's key and its training mates' keys. */
  interface Sink {
    void accept(long validation, long[] training);
  }

  private LeakMates() {}

  /**
   * Calls {@code sink} once per validation example with mates, in ascending key order, with its
   * distinct mates in ascending order.
   */
  static void find(Iterable<long[]> batches, Sink sink) {
    // One pass over the batches: a runner may not iterate a group twice.
    LongArrayList bandList = new LongArrayList();
    LongArrayList memberList = new LongArrayList();
    for (long[] batch : batches) {
      for (int i = 0; i < batch.length; i += 2) {
        bandList.add(batch[i]);
        memberList.add(batch[i + 1]);
      }
    }
    int count = bandList.size();
    long[] bands = bandList.elements();
    long[] members = memberList.elements();
    LongArrays.radixSort(bands, members, 0, count);

    LongArrayList validation = new LongArrayList();
    LongArrayList training = new LongArrayList();
    long[] bandMates = new long[FindSplitLeaks.MATES_PER_BAND];
    for (int start = 0, end; start < count; start = end) {
      end = start;
      int mates = 0;
      while (end < count && bands[end] == bands[start]) {
        if (!LeakMember.isValidation(members[end]) && mates < bandMates.length) {
          bandMates[mates++] = members[end];
        }
        end++;
      }
      for (int i = start; mates > 0 && i < end; i++) {
        if (LeakMember.isValidation(members[i])) {
          long key = LeakMember.untagged(members[i]);
          for (int m = 0; m < mates; m++) {
            validation.add(key);
            training.add(bandMates[m]);
          }
        }
      }
    }
    emit(validation.toLongArray(), training.toLongArray(), sink);
  }

  /** Sorts the (validation, training) pairs and hands each validation key its distinct mates. */
  private static void emit(long[] validation, long[] training, Sink sink) {
    LongArrays.radixSort(validation, training);
    for (int start = 0, end; start < validation.length; start = end) {
      end = start;
      long[] mates = new long[0];
      int distinct = 0;
      while (end < validation.length && validation[end] == validation[start]) {
        if (distinct == 0 || training[end] != mates[distinct - 1]) {
          if (distinct == mates.length) {
            mates = Arrays.copyOf(mates, Math.max(8, 2 * distinct));
          }
          mates[distinct++] = training[end];
        }
        end++;
      }
      sink.accept(validation[start], Arrays.copyOf(mates, distinct));
    }
  }
}
