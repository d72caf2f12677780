package dev.sift.bench.pii;

import dev.sift.schemas.EntityType;
import java.util.List;
import java.util.Map;

/**
 * One kind of support conversation: its task, the company and products it is about, the templates
 * its turns are made of, and which entity types and hard negatives it plants. The rotations list
 * what conversation after conversation must carry (a type listed twice comes twice as often), so
 * that every type and kind appears in any set of 50 conversations or more.
 *
 * <p>Templates hold slots, {@code %{name}}: see {@link ConversationBuilder} for the names.
 */
record Topic(
    String task,
    String company,
    List<String> products,
    List<String> openers,
    List<String> asks,
    Map<EntityType, List<String>> details,
    List<EntityType> detailRotation,
    Map<NegativeKind, List<String>> negatives,
    List<NegativeKind> negativeRotation) {

  Topic {
    for (EntityType type : detailRotation) {
      if (type != EntityType.PERSON && !details.containsKey(type)) {
        throw new IllegalArgumentException(task + " rotates " + type + " without a template");
      }
    }
    for (NegativeKind kind : negativeRotation) {
      if (!negatives.containsKey(kind)) {
        throw new IllegalArgumentException(task + " rotates " + kind + " without a template");
      }
    }
  }
}
