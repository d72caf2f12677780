package dev.sift.transforms.emit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.schemas.Conversation;
import dev.sift.schemas.Message;
import dev.sift.schemas.Role;
import dev.sift.schemas.spec.SiftSpec;
import dev.sift.schemas.spec.TaskSettings;
import dev.sift.transforms.SchemaCoders;
import dev.sift.transforms.json.Json;
import dev.sift.transforms.quality.ScoredConversation;
import dev.sift.transforms.write.OutputLayout;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Top;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * One few-shot bundle per task that gets one ({@code tasks/<task>/few-shot.json}, schema
 * few-shot-bundle.schema.json): up to {@code fewShotK} examples chosen by {@link FewShotSelector}
 * within {@code fewShotTokenBudget}, the task's consistent system prompt, the chosen set's criteria
 * against its candidates ({@link BundleCriteria}) and a ready-to-paste prompt ({@link
 * FewShotPrompt}). A task with more than {@link #POOL} candidates is chosen from a sample of that
 * many, the smallest id hashes, so that one worker holds a bounded list.
 */
final class BuildFewShotBundles
    extends PTransform<PCollection<ScoredConversation>, PCollectionTuple> {
  /** {@code (task, ids of the chosen examples)}. */
  static final TupleTag<KV<String, List<String>>> CHOSEN = new TupleTag<>() {};

  static final int POOL = 2_000;

  /** The share of a task's candidates one system prompt needs to count as the task's own. */
  static final double CONSISTENT_PROMPT_SHARE = 0.5;

  private final SiftSpec spec;
  private final PCollectionView<Map<String, TaskDecision>> decided;

  BuildFewShotBundles(SiftSpec spec, PCollectionView<Map<String, TaskDecision>> decided) {
    this.spec = spec;
    this.decided = decided;
  }

  @Override
  public PCollectionTuple expand(PCollection<ScoredConversation> candidates) {
    PCollection<KV<String, ScoredConversation>> byTask =
        candidates
            .apply(
                "KeyCandidatesByTask",
                MapElements.into(
                        TypeDescriptors.kvs(
                            TypeDescriptors.strings(), TypeDescriptor.of(ScoredConversation.class)))
                    .via(c -> KV.of(c.getConversation().getTask(), c)))
            .setCoder(SchemaCoders.keyed(candidates, ScoredConversation.class));
    PCollectionView<Map<String, Long>> available =
        byTask.apply("CountCandidates", Count.perKey()).apply("ViewCandidateCounts", View.asMap());
    PCollectionView<Map<String, KV<String, Long>>> prompts =
        byTask
            .apply(
                "TakeSystemPrompts",
                MapElements.into(
                        TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
                    .via(c -> KV.of(c.getKey(), systemPrompt(c.getValue().getConversation()))))
            .apply("CountSystemPrompts", Count.perElement())
            .apply(
                "KeyPromptCountsByTask",
                MapElements.into(
                        TypeDescriptors.kvs(
                            TypeDescriptors.strings(),
                            TypeDescriptors.kvs(
                                TypeDescriptors.strings(), TypeDescriptors.longs())))
                    .via(
                        n ->
                            KV.of(n.getKey().getKey(), KV.of(n.getKey().getValue(), n.getValue()))))
            .apply("PickMostCommonPrompt", Top.perKey(1, new MoreCommonPrompt()))
            .apply(
                "TakePrompt",
                MapElements.into(
                        TypeDescriptors.kvs(
                            TypeDescriptors.strings(),
                            TypeDescriptors.kvs(
                                TypeDescriptors.strings(), TypeDescriptors.longs())))
                    .via(top -> KV.of(top.getKey(), top.getValue().get(0))))
            .apply("ViewTopPrompts", View.asMap());
    return byTask
        .apply(
            "SamplePool",
            new SampleByIdHash<ScoredConversation>(POOL, c -> c.getConversation().getId()))
        .apply(
            "ChooseExamples",
            ParDo.of(new ChooseFn(spec, decided, available, prompts))
                .withSideInputs(decided, available, prompts)
                .withOutputTags(
                    EmitTaskOutputs.FILES, TupleTagList.of(CHOSEN).and(EmitTaskOutputs.FACTS)));
  }

  /** The conversation's system prompt: its system turns joined, "" when it has none. */
  static String systemPrompt(Conversation conversation) {
    StringBuilder prompt = new StringBuilder();
    for (Message message : conversation.getMessages()) {
      if (message.getRole().equals(Role.SYSTEM.wireName())) {
        prompt.append(prompt.length() == 0 ? "" : "\n").append(message.getContent());
      }
    }
    return prompt.toString();
  }

  /** For {@code Top}, which keeps the largest: more conversations first, then the smaller text. */
  private static final class MoreCommonPrompt
      implements Comparator<KV<String, Long>>, Serializable {
    @Override
    public int compare(KV<String, Long> a, KV<String, Long> b) {
      int byCount = Long.compare(a.getValue(), b.getValue());
      return byCount != 0 ? byCount : b.getKey().compareTo(a.getKey());
    }
  }

  private static final class ChooseFn
      extends DoFn<KV<String, List<ScoredConversation>>, KV<String, KV<String, String>>> {
    private final SiftSpec spec;
    private final PCollectionView<Map<String, TaskDecision>> decided;
    private final PCollectionView<Map<String, Long>> available;
    private final PCollectionView<Map<String, KV<String, Long>>> prompts;

    ChooseFn(
        SiftSpec spec,
        PCollectionView<Map<String, TaskDecision>> decided,
        PCollectionView<Map<String, Long>> available,
        PCollectionView<Map<String, KV<String, Long>>> prompts) {
      this.spec = spec;
      this.decided = decided;
      this.available = available;
      this.prompts = prompts;
    }

    @ProcessElement
    public void processElement(
        @Element KV<String, List<ScoredConversation>> pool,
        ProcessContext context,
        MultiOutputReceiver out) {
      String task = pool.getKey();
      TaskDecision decision = context.sideInput(decided).get(task);
      TaskSettings settings = decision.settings();
      long candidates = context.sideInput(available).get(task);
      Map<String, ScoredConversation> byId = new HashMap<>();
      List<FewShotCandidate> pooled = new ArrayList<>();
      for (ScoredConversation scored : pool.getValue()) {
        String id = scored.getConversation().getId();
        byId.put(id, scored);
        pooled.add(FewShotCandidate.of(id, scored.getSignals()));
      }
      List<FewShotCandidate> chosen =
          new FewShotSelector().select(pooled, settings.fewShotK(), settings.fewShotTokenBudget());
      String systemPrompt = consistentPrompt(context.sideInput(prompts).get(task), candidates);

      ObjectNode bundle = Json.object();
      bundle.put("task", task);
      bundle.put("decision", decision.kind().label());
      bundle.put("why", decision.why());
      bundle.put("k", settings.fewShotK());
      bundle.put("tokenBudget", settings.fewShotTokenBudget());
      bundle.put("available", candidates);
      bundle.put("pooled", pooled.size());
      boolean embedded =
          !pooled.isEmpty() && pooled.stream().allMatch(FewShotCandidate::hasEmbedding);
      bundle.put(
          "selection", selection(decision, candidates, pooled.size(), chosen.isEmpty(), embedded));
      if (systemPrompt == null) {
        bundle.putNull("systemPrompt");
      } else {
        bundle.put("systemPrompt", systemPrompt);
      }
      BundleCriteria criteria = BundleCriteria.of(chosen, pooled);
      bundle.set("criteria", Json.mapper().valueToTree(criteria));
      ArrayNode examples = bundle.putArray("examples");
      List<Conversation> conversations = new ArrayList<>();
      List<String> ids = new ArrayList<>();
      for (FewShotCandidate candidate : chosen) {
        Conversation conversation = byId.get(candidate.id()).getConversation();
        conversations.add(conversation);
        ids.add(candidate.id());
        ObjectNode example = examples.addObject();
        example.put("id", conversation.getId());
        example.put("tokens", candidate.tokens());
        example.put("quality", candidate.quality());
        example.set("source", Json.source(conversation.getSource()));
        example.set("messages", Json.messages(withoutSystem(conversation), true));
        example.set("metadata", Json.stringMap(conversation.getMetadata()));
      }
      bundle.put("prompt", FewShotPrompt.render(systemPrompt, conversations));
      out.get(EmitTaskOutputs.FILES)
          .output(
              KV.of(
                  OutputLayout.taskFile(task, OutputLayout.FEW_SHOT),
                  KV.of("", Json.pretty(bundle))));
      out.get(CHOSEN).output(KV.of(task, ids));
      ObjectNode summary = Json.object();
      summary.put("examples", chosen.size());
      summary.put("tokens", criteria.totalTokens());
      summary.put("tokenBudget", settings.fewShotTokenBudget());
      summary.put("systemPrompt", systemPrompt != null);
      summary.set("criteria", Json.mapper().valueToTree(criteria));
      ArrayNode excerpts = summary.putArray("chosen");
      for (FewShotCandidate candidate :
          chosen.subList(0, Math.min(chosen.size(), ReportExcerpt.EXAMPLES))) {
        excerpts.add(
            ReportExcerpt.of(
                byId.get(candidate.id()).getConversation(),
                candidate.tokens(),
                candidate.quality()));
      }
      out.get(EmitTaskOutputs.FACTS).output(KV.of(task, KV.of("fewShot", Json.compact(summary))));
    }

    /** The most common system prompt when at least half of the candidates share it. */
    private static String consistentPrompt(KV<String, Long> top, long candidates) {
      String prompt = top.getKey();
      return !prompt.isEmpty() && top.getValue() >= CONSISTENT_PROMPT_SHARE * candidates
          ? prompt
          : null;
    }

    private static List<Message> withoutSystem(Conversation conversation) {
      return conversation.getMessages().stream()
          .filter(m -> !m.getRole().equals(Role.SYSTEM.wireName()))
          .toList();
    }

    private static String selection(
        TaskDecision decision, long candidates, int pooled, boolean nothingFits, boolean embedded) {
      String from =
          decision.kind() == TaskDecision.Kind.BOTH
              ? "the training split's " + candidates + " examples"
              : "the task's " + candidates + " kept conversations";
      if (pooled < candidates) {
        from += " (a sample of " + pooled + " by id hash)";
      }
      String how =
          "greedy selection from "
              + from
              + " that weighs quality and centrality against similarity to the examples already"
              + " chosen, prefers uncovered topic cells, and stays within the token budget"
              + " (docs/few-shot.md)"
              + (embedded ? "; similarities between sentence embeddings (semantic mode)" : "");
      return nothingFits ? how + "; no candidate fits the token budget" : how;
    }
  }
}
