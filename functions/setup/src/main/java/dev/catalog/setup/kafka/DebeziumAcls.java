package dev.catalog.setup.kafka;

import dev.catalog.infra.kafka.CatalogTopics;
import dev.catalog.platform.kafka.KafkaConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * What Debezium Server's SASL/SCRAM user may do on MSK: describe and write the event topic and its own heartbeat
 * topic, nothing else. The cluster denies what no ACL allows ({@code allow.everyone.if.no.acl.found=false},
 * template.yaml's KafkaConfiguration); the functions sign in with IAM, which MSK authorizes by their IAM policies,
 * not by ACLs. Creating an ACL that exists changes nothing, so every deploy runs this again.
 */
public final class DebeziumAcls {

    private static final long TIMEOUT_SECONDS = 60;

    private final KafkaConnection connection;

    public DebeziumAcls(KafkaConnection connection) {
        this.connection = connection;
    }

    /** The ACLs of SCRAM user {@code user}: its principal is {@code User:<user>}. */
    static List<AclBinding> of(String user) {
        String principal = "User:" + user;
        List<AclBinding> acls = new ArrayList<>();
        for (String topic : List.of(CatalogTopics.EVENTS, CatalogTopics.DEBEZIUM_HEARTBEAT)) {
            for (AclOperation operation : List.of(AclOperation.DESCRIBE, AclOperation.WRITE)) {
                acls.add(new AclBinding(new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL),
                        new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW)));
            }
        }
        // The idempotent producer (enable.idempotence=true in application.properties).
        acls.add(new AclBinding(new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL),
                new AccessControlEntry(principal, "*", AclOperation.IDEMPOTENT_WRITE, AclPermissionType.ALLOW)));
        return List.copyOf(acls);
    }

    public void grant(String user) {
        try (Admin admin = SetupAdmin.open(connection)) {
            admin.createAcls(of(user)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka at " + connection.bootstrapServers() + " refused Debezium's ACLs: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + connection.bootstrapServers() + " did not answer within "
                    + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating Debezium's ACLs", e);
        }
    }
}
