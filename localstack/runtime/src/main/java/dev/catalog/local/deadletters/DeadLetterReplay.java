package dev.catalog.local.deadletters;

import dev.catalog.local.eventsources.KafkaEvents;
import dev.catalog.local.functions.FunctionHostSettings;
import dev.catalog.platform.projection.ProjectionName;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Sends dead letters back through the projection that refused them, after a fix: each projection's letters as one
 * Kafka event, exactly as its event source mapping would have delivered the original records (same topic,
 * partition, offset, key, value and headers), through Lambda's Invoke on the stack's AWS endpoint. The projection
 * applies them with its usual version guards, so a letter whose aggregate has moved on since changes nothing; one
 * it still cannot use goes to the dead-letter topic again, with the reason.
 */
public final class DeadLetterReplay implements AutoCloseable {

    private final LambdaClient lambda;
    private final KafkaEvents events;

    public DeadLetterReplay(URI awsEndpoint, String kafkaBootstrapServers) {
        this.lambda = LambdaClient.builder().endpointOverride(awsEndpoint)
                .region(Region.of(FunctionHostSettings.LOCAL_REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        this.events = new KafkaEvents("arn:aws:kafka:" + FunctionHostSettings.LOCAL_REGION + ":"
                + FunctionHostSettings.LOCAL_ACCOUNT_ID + ":cluster/local", kafkaBootstrapServers);
    }

    /** What one projection's function answered. */
    public record Outcome(String projection, String function, int letters, boolean failed, String answer) {
    }

    /** Replays {@code letters}, grouped by projection; letters of an unknown projection or origin are refused. */
    public List<Outcome> replay(List<DeadLetter> letters) {
        Map<String, List<ConsumerRecord<byte[], byte[]>>> byProjection = new LinkedHashMap<>();
        for (DeadLetter letter : letters) {
            if (ProjectionName.find(letter.projection()).isEmpty() || letter.origin().isEmpty()) {
                throw new IllegalArgumentException("dead letter " + letter.offset() + " names projection "
                        + letter.projection() + " and source " + letter.source() + ": it cannot be sent back");
            }
            byProjection.computeIfAbsent(letter.projection(), projection -> new ArrayList<>()).add(original(letter));
        }
        List<Outcome> outcomes = new ArrayList<>();
        byProjection.forEach((projection, records) -> {
            String function = ProjectionName.of(projection).liveFunction();
            InvokeResponse response = lambda.invoke(invoke -> invoke.functionName(function)
                    .payload(SdkBytes.fromByteArray(events.write(records))));
            outcomes.add(new Outcome(projection, function, records.size(), response.functionError() != null,
                    response.payload().asUtf8String()));
        });
        return outcomes;
    }

    private static ConsumerRecord<byte[], byte[]> original(DeadLetter letter) {
        DeadLetter.Origin origin = letter.origin().orElseThrow();
        byte[] key = letter.key() == null ? null : letter.key().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return new ConsumerRecord<>(origin.topic(), origin.partition(), origin.offset(),
                letter.at().map(java.time.Instant::toEpochMilli).orElse(System.currentTimeMillis()), TimestampType.CREATE_TIME,
                key == null ? -1 : key.length, letter.value() == null ? -1 : letter.value().length, key, letter.value(),
                new RecordHeaders(letter.headers()), java.util.Optional.empty());
    }

    @Override
    public void close() {
        lambda.close();
    }
}
