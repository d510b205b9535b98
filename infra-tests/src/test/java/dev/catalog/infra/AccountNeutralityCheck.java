package dev.catalog.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A template and a samconfig.toml any account can deploy: no account ids, no bucket names (sam deploy's
 * resolve_s3 makes its own bucket), no fixed partition in the template's ARNs.
 */
final class AccountNeutralityCheck {

    private static final Pattern ACCOUNT_ID = Pattern.compile("(?<![0-9.])\\d{12}(?![0-9.])");
    private static final Pattern BUCKET = Pattern.compile("(?m)^\\s*(s3_bucket|S3Bucket|BucketName)\\s*[:=]|s3://");
    private static final Pattern FIXED_PARTITION = Pattern.compile("arn:aws:");

    List<String> problems(String file, String text) {
        List<String> problems = new ArrayList<>();
        report(ACCOUNT_ID, "an account id", file, text, problems);
        report(BUCKET, "a bucket name", file, text, problems);
        if (file.endsWith(".yaml")) {
            report(FIXED_PARTITION, "a fixed partition (use ${AWS::Partition})", file, text, problems);
        }
        return problems;
    }

    private static void report(Pattern pattern, String what, String file, String text, List<String> problems) {
        Matcher match = pattern.matcher(text);
        while (match.find()) {
            long line = 1 + text.substring(0, match.start()).chars().filter(c -> c == '\n').count();
            problems.add(file + " line " + line + ": " + what + " (" + match.group().strip() + ")");
        }
    }
}
