package dev.sift.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricResults;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

class DirectRunnerWorkersTest {
  @Test
  void stoppingARunCancelsItAndWaitsForTheWorkersItStartedButNotForEarlierOnes() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Thread earlier = worker(() -> await(release));
    earlier.start();
    DirectRunnerWorkers workers = DirectRunnerWorkers.beforeRun();
    AtomicBoolean written = new AtomicBoolean();
    Thread newer =
        worker(
            () -> {
              sleep(300);
              written.set(true);
            });
    newer.start();
    CancelCounting result = new CancelCounting();

    workers.stopNewer(result);

    assertEquals(1, result.cancels.get());
    assertTrue(written.get(), "the write under way had ended");
    assertTrue(earlier.isAlive(), "a worker of an earlier run is not waited for");
    release.countDown();
    earlier.join();
  }

  private static Thread worker(Runnable work) {
    return new Thread(work, "direct-runner-worker");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A run that counts how often it is cancelled. */
  private static final class CancelCounting implements PipelineResult {
    final AtomicInteger cancels = new AtomicInteger();

    @Override
    public State getState() {
      return State.FAILED;
    }

    @Override
    public State cancel() {
      cancels.incrementAndGet();
      return State.CANCELLED;
    }

    @Override
    public State waitUntilFinish(Duration duration) {
      return getState();
    }

    @Override
    public State waitUntilFinish() {
      return getState();
    }

    @Override
    public MetricResults metrics() {
      throw new UnsupportedOperationException();
    }
  }
}
