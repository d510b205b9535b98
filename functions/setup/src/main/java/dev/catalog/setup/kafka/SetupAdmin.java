package dev.catalog.setup.kafka;

import dev.catalog.platform.kafka.KafkaConnection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** The admin client the setup step changes the cluster with: patient, since MSK may still be settling on a first deploy. */
final class SetupAdmin {

    private SetupAdmin() {
    }

    /** A new admin client on {@code connection}; the caller closes it. */
    static Admin open(KafkaConnection connection) {
        Map<String, Object> config = new HashMap<>(connection.clientProperties());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000);
        return Admin.create(config);
    }
}
