package dev.catalog.local.functions;

import dev.catalog.local.template.ServerlessFunction;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** How Lambda names a function and its logs, for one locally hosted function. */
record FunctionIdentity(String name, String arn, int memorySizeMb, String logGroupName, String logStreamName) {

    static final String VERSION = "$LATEST";

    static FunctionIdentity of(ServerlessFunction function, FunctionHostSettings settings) {
        String name = function.name();
        byte[] streamId = new byte[16];
        ThreadLocalRandom.current().nextBytes(streamId);
        return new FunctionIdentity(
                name,
                "arn:aws:lambda:" + settings.region() + ":" + settings.accountId() + ":function:" + name,
                function.memorySizeMb(),
                "/aws/lambda/" + name,
                LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy/MM/dd"))
                        + "/[" + VERSION + "]" + HexFormat.of().formatHex(streamId));
    }
}
