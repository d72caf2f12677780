package dev.sift.pipelines;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.runners.TransformHierarchy;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;

/**
 * Gives every unread output of a multi-output step a consumer that drops its elements, so that
 * every runner sees each output of such a step read.
 *
 * <p>Beam 2.70's Spark runner translates a multi-output {@code ParDo} of which one output only is
 * read as if it had that output alone, and so stops filtering by output: the elements the step
 * wrote to its unread outputs reach the readers of the other (a {@code ClassCastException} further
 * on). A pipeline that reads one output of a stage, as the anonymize pipeline reads the
 * anonymiser's conversations and not its counts, failed on Spark that way.
 */
final class UnreadOutputs {
  private UnreadOutputs() {}

  /** Adds a dropping consumer to each unread output of {@code pipeline}'s multi-output steps. */
  static void drop(Pipeline pipeline) {
    for (PCollection<?> unread : find(pipeline)) {
      dropAll(unread);
    }
  }

  /** The outputs of {@code pipeline}'s multi-output steps that no step reads, in pipeline order. */
  static List<PCollection<?>> find(Pipeline pipeline) {
    Set<PCollection<?>> read = new HashSet<>();
    List<PCollection<?>> ofMultiOutputSteps = new ArrayList<>();
    pipeline.traverseTopologically(
        new Pipeline.PipelineVisitor.Defaults() {
          @Override
          public void visitPrimitiveTransform(TransformHierarchy.Node node) {
            read.addAll(node.getInputs().values());
            if (node.getOutputs().size() > 1) {
              ofMultiOutputSteps.addAll(node.getOutputs().values());
            }
          }
        });
    List<PCollection<?>> unread = new ArrayList<>();
    for (PCollection<?> output : ofMultiOutputSteps) {
      if (!read.contains(output)) {
        unread.add(output);
      }
    }
    return unread;
  }

  private static <T> void dropAll(PCollection<T> unread) {
    unread.apply("DropUnread " + unread.getName(), ParDo.of(new DropFn<T>()));
  }

  private static final class DropFn<T> extends DoFn<T, Void> {
    @ProcessElement
    public void processElement() {}
  }
}
