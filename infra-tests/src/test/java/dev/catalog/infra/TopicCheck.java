package dev.catalog.infra;

import dev.catalog.domain.shared.AggregateType;
import dev.catalog.infra.kafka.CatalogTopics;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every topic a function reads or writes exists and carries what it expects: each MSK event source's topic is
 * the one Debezium's outbox router produces for every aggregate type and for the heartbeats Debezium appends to the
 * outbox, and is created by the setup step ({@link CatalogTopics}), as are the on-failure destinations and the
 * dead-letter topics. MSK creates no topic by itself, and a mapping on a missing topic just never delivers.
 */
final class TopicCheck {

    /** The aggregate type of the heartbeats debezium.source.heartbeat.action.query appends to the outbox. */
    static final String HEARTBEAT_AGGREGATE_TYPE = "heartbeat";

    private final DebeziumProperties debezium;

    TopicCheck(DebeziumProperties debezium) {
        this.debezium = debezium;
    }

    Set<String> produced() {
        Set<String> produced = new LinkedHashSet<>();
        for (AggregateType type : AggregateType.values()) {
            produced.add(debezium.topicOf(type.wireName()));
        }
        produced.add(debezium.topicOf(HEARTBEAT_AGGREGATE_TYPE));
        return produced;
    }

    static Set<String> created() {
        Set<String> created = new LinkedHashSet<>();
        CatalogTopics.all().forEach(topic -> created.add(topic.name()));
        return created;
    }

    List<String> problems(CloudFormationTemplate template) {
        List<String> problems = new ArrayList<>();
        Set<String> produced = produced();
        Set<String> created = created();
        template.functions().forEach((id, function) -> {
            function.events("MSK").forEach((name, source) -> {
                for (Object topic : CloudFormationTemplate.list(source.get("Topics"))) {
                    if (!produced.contains(String.valueOf(topic))) {
                        problems.add(id + ".Events." + name + ": topic " + topic + " is produced by nobody (the outbox "
                                + "router produces " + produced + ")");
                    }
                    if (!created.contains(String.valueOf(topic))) {
                        problems.add(id + ".Events." + name + ": topic " + topic + " is not created by the setup step");
                    }
                }
                Object destination = CloudFormationTemplate.map(CloudFormationTemplate.map(
                        source.get("DestinationConfig")).get("OnFailure")).get("Destination");
                if (destination instanceof String kafka && kafka.startsWith("kafka://")
                        && !created.contains(kafka.substring("kafka://".length()))) {
                    problems.add(id + ".Events." + name + ": on-failure topic " + kafka.substring("kafka://".length())
                            + " is not created by the setup step");
                }
            });
            if (function.environment().get("DEAD_LETTER_TOPIC") instanceof String deadLetters
                    && !created.contains(deadLetters)) {
                problems.add(id + ": dead-letter topic " + deadLetters + " is not created by the setup step");
            }
        });
        return problems;
    }
}
