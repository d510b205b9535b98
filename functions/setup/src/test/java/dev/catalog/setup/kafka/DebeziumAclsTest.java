package dev.catalog.setup.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.junit.jupiter.api.Test;

class DebeziumAclsTest {

    @Test
    void lets_debezium_write_the_event_and_heartbeat_topics_and_nothing_else() {
        List<AclBinding> acls = DebeziumAcls.of("debezium");

        assertThat(acls).allSatisfy(acl -> {
            assertThat(acl.entry().principal()).isEqualTo("User:debezium");
            assertThat(acl.entry().permissionType()).isEqualTo(AclPermissionType.ALLOW);
        });
        assertThat(acls).extracting(acl -> acl.pattern().resourceType() + " " + acl.pattern().name() + " "
                + acl.entry().operation()).containsExactlyInAnyOrder(
                "TOPIC catalog.events DESCRIBE", "TOPIC catalog.events WRITE",
                "TOPIC __debezium-heartbeat.catalog DESCRIBE", "TOPIC __debezium-heartbeat.catalog WRITE",
                "CLUSTER kafka-cluster IDEMPOTENT_WRITE");
        assertThat(acls).noneMatch(acl -> acl.entry().operation() == AclOperation.ALL
                || acl.entry().operation() == AclOperation.READ || acl.entry().operation() == AclOperation.DELETE);
    }
}
