package dev.catalog.local.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void portsAreBelowTheEphemeralRangeWhereNoOutgoingConnectionCanTakeThem() {
        int ephemeralStart = FreePorts.ephemeralRangeStart();
        assumeTrue(ephemeralStart > FreePorts.LOWEST + 1_000, "this machine's ephemeral range leaves no room below it");
        for (int i = 0; i < 200; i++) {
            assertThat(FreePorts.next()).isBetween(FreePorts.LOWEST, ephemeralStart - 1);
        }
    }

    @Test
    void noPortIsHandedOutTwice() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            assertThat(ports.add(FreePorts.next())).as("port handed out twice").isTrue();
        }
    }

    @Test
    void aPortWithAListenerIsNotFree() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(FreePorts.isFree(listener.getLocalPort())).isFalse();
        }
    }
}
